/* players.c: the two players' names and who holds the floor first. Tab moves between the
 * fields, F3 swaps who starts, F1 shows how to play (as on every screen; it changes nothing
 * here), Enter goes on, Esc goes back (the names are kept while the screen is open). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/textfield.h"
#include "engine/sdl/textfield_view.h"
#include "game/screens/screens.h"
#include "game/settings/settings.h"

typedef struct PlayersScreen {
    Screen base;
    GameSetup setup;
    TextField *fields[2];
    int focus;
    Rect caret;
    Rect field_rects[2];
    char message[160];
} PlayersScreen;

/* Keeps the two names for next time (the settings file in the data folder). */
static void remember_names(PlayersScreen *ps, App *app)
{
    Settings s;
    char msg[700];
    settings_load(app_data_dir(app), &s, msg, sizeof msg);
    for (int i = 0; i < 2; i++)
        snprintf(s.names[i], sizeof s.names[i], "%s", tf_text(ps->fields[i]));
    if (settings_save(app_data_dir(app), &s, msg, sizeof msg) != 0)
        fprintf(stderr, "heard: warning: %s\n", msg);
}

static void go_on(PlayersScreen *ps, App *app)
{
    for (int i = 0; i < 2; i++) {
        const char *name = tf_text(ps->fields[i]);
        if (!*name)
            snprintf(ps->setup.names[i], PLAYER_NAME_MAX, "Player %d", i + 1);
        else
            snprintf(ps->setup.names[i], PLAYER_NAME_MAX, "%s", name);
    }
    if (strcmp(ps->setup.names[0], ps->setup.names[1]) == 0) {
        snprintf(ps->message, sizeof ps->message,
                 "The two names are the same — change one so the game can tell you apart.");
        return;
    }
    remember_names(ps, app);
    if (note_seen(app))
        app_push(app, play_screen_create(app, &ps->setup));
    else
        app_push(app, note_screen_create(app, &ps->setup));
}

static void handle(Screen *s, App *app, const Event *e)
{
    PlayersScreen *ps = (PlayersScreen *)s;
    if (e->kind == EV_CLICK) {
        for (int i = 0; i < 2; i++)
            if (ui_inside(ps->field_rects[i], e->x, e->y)) {
                ps->focus = i;
                tf_set_caret(ps->fields[i],
                             tfv_hit(app_ui(app), ps->fields[i], ps->field_rects[i], e->x, e->y),
                             (e->mods & MOD_SHIFT) != 0);
            }
        return;
    }
    if (e->kind == EV_KEY) {
        if (e->key == KEY_ESCAPE) {
            app_pop(app);
            return;
        }
        if (e->key == KEY_TAB || e->key == KEY_DOWN || e->key == KEY_UP) {
            ps->focus = !ps->focus;
            return;
        }
        if (e->key == KEY_F1) { /* help, as everywhere: the names and who starts stay */
            app_push(app, help_screen_create(app));
            return;
        }
        if (e->key == KEY_F3) {
            ps->setup.first = !ps->setup.first;
            return;
        }
        if (e->key == 'v' && (e->mods & MOD_CTRL)) {
            tf_handle_event(ps->fields[ps->focus], e); /* ends the insertion before the paste */
            app_paste(app);
            return;
        }
    }
    int r = tf_handle_event(ps->fields[ps->focus], e);
    if (r & (TF_COPY | TF_CUT))
        app_set_clipboard(app, tf_clip_text(ps->fields[ps->focus]));
    if (r & TF_CHANGED)
        ps->message[0] = '\0';
    if (r & TF_SUBMIT) {
        if (ps->focus == 0)
            ps->focus = 1;
        else
            go_on(ps, app);
    }
}

static void draw(Screen *s, App *app, Rect area)
{
    PlayersScreen *ps = (PlayersScreen *)s;
    const Ui *ui = app_ui(app);
    const Theme *t = &ui->theme;
    int u = ui->unit, m = u * 3, w = area.w - 2 * m;
    int y = m;
    txt_draw(ui->text, FS_TITLE, 1, "Who is playing?", m, y, t->text);
    y += txt_line_height(ui->text, FS_TITLE);
    y += txt_draw_wrapped(ui->text, FS_BODY, 0, ps->setup.scenario.title, (Rect){m, y, w, area.h},
                          t->muted) +
         u * 2;
    int fw = w < u * 60 ? w : u * 60;
    for (int i = 0; i < 2; i++) {
        char label[64];
        snprintf(label, sizeof label, "Player %d%s", i + 1,
                 ps->setup.first == i ? "  —  holds the floor first (customer)" : "");
        txt_draw(ui->text, FS_BODY, 1, label, m, y, ps->setup.first == i ? t->accent : t->text);
        y += txt_line_height(ui->text, FS_BODY) + u / 2;
        Rect fr = {m, y, fw, tfv_height_for_lines(ui, 1)};
        ps->field_rects[i] = fr;
        char ph[32];
        snprintf(ph, sizeof ph, "Player %d", i + 1);
        Rect c = tfv_draw(ui, ps->fields[i], fr, ph, ps->focus == i);
        if (ps->focus == i)
            ps->caret = c;
        y += fr.h + u * 3;
    }
    y += txt_draw_wrapped(ui->text, FS_SMALL, 0,
                          "The customer voices a complaint; the service agent shows they heard "
                          "it. Roles swap every round.",
                          (Rect){m, y, w, area.h}, t->muted) +
         u;
    if (ps->message[0])
        txt_draw_wrapped(ui->text, FS_BODY, 1, ps->message, (Rect){m, y, w, area.h}, t->bad);
    static const char *const hints[] = {"Tab", "Next field", "F3",    "Swap who starts",
                                        "F1",  "Help",       "Enter", "Continue",
                                        "Esc", "Back"};
    ui_hints(ui, (Rect){m, 0, w, area.h - u}, hints, 5);
}

static int caret(Screen *s, Rect *where)
{
    *where = ((PlayersScreen *)s)->caret;
    return 1;
}

static void destroy(Screen *s)
{
    PlayersScreen *ps = (PlayersScreen *)s;
    tf_destroy(ps->fields[0]);
    tf_destroy(ps->fields[1]);
    free(ps);
}

static const ScreenOps ops = {
    .name = "players", .handle = handle, .draw = draw, .destroy = destroy, .caret = caret};

Screen *players_screen_create(App *app, const ScenarioInfo *scenario)
{
    PlayersScreen *ps = calloc(1, sizeof *ps);
    if (!ps)
        return NULL;
    ps->base.ops = &ops;
    ps->setup.scenario = *scenario;
    ps->fields[0] = tf_create(PLAYER_NAME_MAX - 1);
    ps->fields[1] = tf_create(PLAYER_NAME_MAX - 1);
    if (!ps->fields[0] || !ps->fields[1]) {
        destroy(&ps->base);
        return NULL;
    }
    tf_set_noun(ps->fields[0], "Names");
    tf_set_noun(ps->fields[1], "Names");
    Settings saved; /* last time's two names, ready to change */
    char msg[700];
    settings_load(app_data_dir(app), &saved, msg, sizeof msg);
    for (int i = 0; i < 2; i++) { /* selected: Enter keeps them, typing replaces them */
        tf_set_text(ps->fields[i], saved.names[i]);
        tf_set_caret(ps->fields[i], 0, 0);
        tf_set_caret(ps->fields[i], tf_length(ps->fields[i]), 1);
    }
    return &ps->base;
}
