/* title.c: the title screen — what Heard is, the menu, and the scenarios found on disk.
 * A broken scenario is listed with its error (file:line) instead of breaking the list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/scenario/scenario.h"
#include "game/screens/play_draw.h"
#include "game/screens/screens.h"

typedef struct TitleScreen {
    Screen base;
    ScenarioInfo *list;
    size_t count;
    char list_error[1200];
    Rect play, library, quit; /* the buttons as last drawn, for clicks */
    int confirm_quit;         /* Esc (or Quit) asks first */
} TitleScreen;

static void load_list(TitleScreen *ts, App *app)
{
    scenario_list_free(ts->list);
    ts->list = NULL;
    ts->count = 0;
    ts->list_error[0] = '\0';
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/scripts/scenarios", app_root(app));
    if (scenario_list(dir, &ts->list, &ts->count) != 0)
        snprintf(ts->list_error, sizeof ts->list_error,
                 "No scenarios could be read from %s. Check that the folder exists.", dir);
}

static void handle(Screen *s, App *app, const Event *e)
{
    TitleScreen *ts = (TitleScreen *)s;
    if (ts->confirm_quit) {
        if (e->kind == EV_KEY && (e->key == KEY_RETURN || e->key == 'y'))
            app_quit(app, 0);
        else if (e->kind == EV_KEY)
            ts->confirm_quit = 0;
        return;
    }
    if (e->kind == EV_CLICK) {
        if (ui_inside(ts->play, e->x, e->y))
            app_push(app, picker_screen_create(app));
        else if (ui_inside(ts->library, e->x, e->y))
            app_push(app, library_screen_create(app));
        else if (ui_inside(ts->quit, e->x, e->y))
            ts->confirm_quit = 1;
        return;
    }
    if (e->kind != EV_KEY)
        return;
    if (e->key == KEY_ESCAPE)
        ts->confirm_quit = 1;
    else if (e->key == 'q' && (e->mods & MOD_CTRL))
        app_quit(app, 0);
    else if (e->key == KEY_F1 || e->key == 'h')
        app_push(app, help_screen_create(app));
    else if (e->key == 'r' || e->key == KEY_F5)
        load_list(ts, app);
    else if (e->key == KEY_RETURN || e->key == 'p')
        app_push(app, picker_screen_create(app));
    else if (e->key == 'l')
        app_push(app, library_screen_create(app));
}

static const char *difficulty_name(int d)
{
    static const char *const names[] = {"?", "Appliances", "Everyday", "Touchy", "Hot topics"};
    return names[d >= 1 && d <= 4 ? d : 0];
}

/* One scenario row; returns the height used. */
static int draw_row(const Ui *ui, const ScenarioInfo *info, int x, int y, int w, int bottom)
{
    const Theme *t = &ui->theme;
    int u = ui->unit;
    if (!info->ok) {
        char head[700];
        snprintf(head, sizeof head, "⚠ %s — cannot be played", info->title);
        txt_draw(ui->text, FS_BODY, 1, head, x, y, t->bad);
        int lh = txt_line_height(ui->text, FS_BODY);
        return lh +
               txt_draw_wrapped(ui->text, FS_SMALL, 0, info->error,
                                (Rect){x + u * 2, y + lh, w - u * 2, bottom - y - lh}, t->muted) +
               u;
    }
    char tag[64];
    snprintf(tag, sizeof tag, "%d · %s", info->difficulty, difficulty_name(info->difficulty));
    int tw = txt_width(ui->text, FS_SMALL, 1, "4 · Hot topics") + u * 2;
    txt_draw(ui->text, FS_SMALL, 1, tag, x, y + 2, t->accent);
    txt_draw(ui->text, FS_BODY, 1, info->title, x + tw, y, t->text);
    int lh = txt_line_height(ui->text, FS_BODY);
    return lh +
           txt_draw_wrapped(ui->text, FS_SMALL, 0, info->description,
                            (Rect){x + tw, y + lh, w - tw, bottom - y - lh}, t->muted) +
           u;
}

static void draw(Screen *s, App *app, Rect area)
{
    TitleScreen *ts = (TitleScreen *)s;
    const Ui *ui = app_ui(app);
    const Theme *t = &ui->theme;
    int u = ui->unit, m = u * 4;
    if (ts->confirm_quit) { /* the question stands alone */
        play_view_confirm(app, "Quit Heard?",
                          "Every session is saved as you play: an unfinished one waits in Past "
                          "sessions.",
                          "Quit", "Stay", area);
        return;
    }
    int x = m, w = area.w - 2 * m, y = m;
    txt_draw(ui->text, FS_HUGE, 1, "Heard", x, y, t->accent);
    y += txt_line_height(ui->text, FS_HUGE);
    y += txt_draw_wrapped(ui->text, FS_LARGE, 0,
                          "A listening game for two. One of you holds the floor with a "
                          "complaint; the other shows they heard it. Then you swap.",
                          (Rect){x, y, w, area.h}, t->text) +
         u * 2;
    ts->play = ui_button(ui, x, y, "Enter", "Play", 1);
    ts->library = ui_button(ui, x + ts->play.w + u * 2, y, "L", "Past sessions", 0);
    ts->quit = ui_button(ui, ts->library.x + ts->library.w + u * 2, y, "Esc", "Quit", 0);
    y += ts->play.h + u;
    if (app_notice(app)[0]) /* a settings file that could not be read: said, and not in a way */
        y += txt_draw_wrapped(ui->text, FS_SMALL, 1, app_notice(app), (Rect){x, y, w, area.h},
                              t->bad) +
             u;
    y += u * 2;

    int hints_h = txt_line_height(ui->text, FS_SMALL) * 2 + u * 2;
    int bottom = area.h - hints_h - u;
    Rect box = {x, y, w, bottom - y};
    ui_fill(ui, box, t->panel);
    ui_outline(ui, box, t->border, 1);
    int ix = x + u * 2, iw = w - u * 4, iy = y + u;
    txt_draw(ui->text, FS_LARGE, 1, "Scenarios", ix, iy, t->text);
    iy += txt_line_height(ui->text, FS_LARGE) + u / 2;
    if (ts->list_error[0])
        txt_draw_wrapped(ui->text, FS_BODY, 0, ts->list_error, (Rect){ix, iy, iw, bottom - iy},
                         t->bad);
    size_t shown = 0;
    int row_h = txt_line_height(ui->text, FS_BODY) + txt_line_height(ui->text, FS_SMALL) + u;
    for (; shown < ts->count && iy + row_h <= bottom - u; shown++)
        iy += draw_row(ui, &ts->list[shown], ix, iy, iw, bottom - u);
    if (shown < ts->count) {
        char more[96];
        snprintf(more, sizeof more, "… and %zu more (Enter to see them all)", ts->count - shown);
        txt_draw(ui->text, FS_SMALL, 1, more, ix, bottom - u - txt_line_height(ui->text, FS_SMALL),
                 t->muted);
    }
    static const char *const hints[] = {"Enter", "Play",          "L",          "Past sessions",
                                        "F1",    "How to play",   "R",          "Reload list",
                                        "F2",    "High contrast", "Ctrl + =/-", "Text size",
                                        "Esc",   "Quit"};
    ui_hints(ui, (Rect){x, 0, w, area.h - u}, hints, 7);
}

static void destroy(Screen *s)
{
    TitleScreen *ts = (TitleScreen *)s;
    scenario_list_free(ts->list);
    free(ts);
}

static const ScreenOps ops = {.name = "title", .handle = handle, .draw = draw, .destroy = destroy};

Screen *title_screen_create(App *app)
{
    TitleScreen *ts = calloc(1, sizeof *ts);
    if (!ts)
        return NULL;
    ts->base.ops = &ops;
    load_list(ts, app);
    return &ts->base;
}
