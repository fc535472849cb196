/* timeout.c: the time-out. A calm screen over the game; nothing is lost, the turn waits.
 * F9, Enter or Esc resumes exactly where the game was. */
#include <stdlib.h>

#include "game/screens/play.h"

typedef struct TimeoutScreen {
    Screen base;
    Game *game;      /* borrowed from the play screen below */
    uint32_t called; /* when the time-out began */
} TimeoutScreen;

static void handle(Screen *s, App *app, const Event *e)
{
    TimeoutScreen *ts = (TimeoutScreen *)s;
    if (e->kind == EV_KEY && (e->key == KEY_F9 || e->key == KEY_RETURN || e->key == KEY_ESCAPE)) {
        match_set_paused(ts->game->match, 0);
        ts->game->ask_started += app_now(app) - ts->called; /* the turn waited too */
        app_pop(app);
    }
}

static void draw(Screen *s, App *app, Rect area)
{
    (void)s;
    const Ui *ui = app_ui(app);
    const Theme *th = &ui->theme;
    int u = ui->unit;
    ui_fill(ui, area, th->panel_alt);
    int w = area.w * 2 / 3, x = (area.w - w) / 2;
    int y = area.h / 4;
    const char *title = "Time-out";
    txt_draw(ui->text, FS_HUGE, 1, title, (area.w - txt_width(ui->text, FS_HUGE, 1, title)) / 2, y,
             th->accent);
    y += txt_line_height(ui->text, FS_HUGE) + u * 2;
    y += txt_draw_wrapped(ui->text, FS_LARGE, 0,
                          "Take a breath. Stretch, get a glass of water, and come back when you "
                          "are both ready. The game waits exactly where you left it.",
                          (Rect){x, y, w, area.h - y}, th->text) +
         u * 2;
    static const char *const hints[] = {"F9 / Enter", "Resume"};
    ui_hints(ui, (Rect){x, 0, w, area.h - u * 2}, hints, 1);
}

static void destroy(Screen *s)
{
    free(s);
}

static const ScreenOps ops = {
    .name = "timeout", .handle = handle, .draw = draw, .destroy = destroy};

Screen *timeout_screen_create(App *app, Game *g)
{
    TimeoutScreen *ts = calloc(1, sizeof *ts);
    if (!ts)
        return NULL;
    ts->base.ops = &ops;
    ts->game = g;
    ts->called = app_now(app);
    return &ts->base;
}
