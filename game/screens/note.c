/* note.c: a one-time note on what Heard is for — everyday gripes and practice — and what it
 * is not for, with where to find help. Shown once per data folder. */
#include <stdio.h>
#include <stdlib.h>

#include "game/screens/screens.h"

typedef struct NoteScreen {
    Screen base;
    GameSetup setup;
} NoteScreen;

static void marker_path(App *app, char *out, size_t n)
{
    snprintf(out, n, "%s/note-seen", app_data_dir(app));
}

int note_seen(App *app)
{
    char path[1100];
    marker_path(app, path, sizeof path);
    FILE *f = fopen(path, "r");
    if (f)
        fclose(f);
    return f != NULL;
}

static void handle(Screen *s, App *app, const Event *e)
{
    NoteScreen *ns = (NoteScreen *)s;
    if (e->kind != EV_KEY)
        return;
    if (e->key == KEY_ESCAPE) {
        app_pop(app);
    } else if (e->key == KEY_RETURN) {
        char path[1100];
        marker_path(app, path, sizeof path);
        FILE *f = fopen(path, "w"); /* if the folder is read-only the note simply shows again */
        if (f)
            fclose(f);
        GameSetup setup = ns->setup;
        app_replace(app, play_screen_create(app, &setup));
    }
}

static const char *const paragraphs[] = {
    "Heard is practice for everyday gripes: the microwave, the dishes, the phone at dinner. "
    "One of you holds the floor and says what bothers you; the other listens and says back "
    "what they heard. The game points out the moves that help and the ones that make a "
    "quarrel worse.",
    "The score is shared. You play together, against your own past sessions, not against "
    "each other. The game can be wrong; the person who spoke decides whether they felt heard.",
    "Heard is not for abuse, threats, or a crisis, and it is not therapy. If you feel unsafe "
    "or afraid of your partner, stop and reach out to a local domestic-violence helpline or "
    "emergency services. A couples counsellor can help with the big topics.",
    "Take a break whenever you need one: F9 calls a time-out on any turn.",
};

static void draw(Screen *s, App *app, Rect area)
{
    (void)s;
    const Ui *ui = app_ui(app);
    const Theme *t = &ui->theme;
    int u = ui->unit, m = u * 4, w = area.w - 2 * m;
    int y = m;
    txt_draw(ui->text, FS_TITLE, 1, "Before you start", m, y, t->text);
    y += txt_line_height(ui->text, FS_TITLE) + u;
    for (size_t i = 0; i < sizeof paragraphs / sizeof paragraphs[0]; i++)
        y += txt_draw_wrapped(ui->text, FS_BODY, i == 2, paragraphs[i], (Rect){m, y, w, area.h - y},
                              t->text) +
             u * 2;
    static const char *const hints[] = {"Enter", "I understand — start", "Esc", "Back"};
    ui_hints(ui, (Rect){m, 0, w, area.h - u}, hints, 2);
}

static void destroy(Screen *s)
{
    free(s);
}

static const ScreenOps ops = {.name = "note", .handle = handle, .draw = draw, .destroy = destroy};

Screen *note_screen_create(App *app, const GameSetup *setup)
{
    (void)app;
    NoteScreen *ns = calloc(1, sizeof *ns);
    if (!ns)
        return NULL;
    ns->base.ops = &ops;
    ns->setup = *setup;
    return &ns->base;
}
