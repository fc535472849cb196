/* handover.c: the hand-over at a role swap. The one who held the floor passes the keyboard:
 * "Pass the keyboard to Tom — Tom now holds the floor", and the game waits for a key, so
 * nobody starts a turn on the wrong side of the sofa. The turn timer starts when it is
 * gone. */
#include <stdio.h>
#include <stdlib.h>

#include "game/screens/play.h"

typedef struct HandoverScreen {
    Screen base;
    Game *game; /* borrowed from the play screen below */
} HandoverScreen;

static void handle(Screen *s, App *app, const Event *e)
{
    HandoverScreen *hs = (HandoverScreen *)s;
    if (e->kind != EV_KEY && e->kind != EV_CLICK)
        return;
    hs->game->ask_started = app_now(app);
    app_pop(app);
}

static void draw(Screen *s, App *app, Rect area)
{
    HandoverScreen *hs = (HandoverScreen *)s;
    const Ui *ui = app_ui(app);
    const Theme *th = &ui->theme;
    const Flow *f = match_flow(hs->game->match);
    int u = ui->unit, w = area.w * 3 / 4, x = (area.w - w) / 2, y = area.h / 5;
    const char *next = flow_name(f, flow_customer(f)), *other = flow_name(f, 1 - flow_customer(f));
    ui_fill(ui, area, th->panel_alt);
    char line[256];
    snprintf(line, sizeof line, "Round %d of %d", flow_round(f), flow_rounds(f));
    txt_draw_wrapped(ui->text, FS_LARGE, 1, line, (Rect){x, y, w, area.h}, th->muted);
    y += txt_line_height(ui->text, FS_LARGE) + u;
    snprintf(line, sizeof line, "Pass the keyboard to %s — %s now holds the floor", next, next);
    y += txt_draw_wrapped(ui->text, FS_TITLE, 1, line, (Rect){x, y, w, area.h - y}, th->accent) +
         u * 2;
    snprintf(line, sizeof line,
             "You swap sides: %s says what's on their mind, %s listens and says it back. Take a "
             "breath first if you need one.",
             next, other);
    txt_draw_wrapped(ui->text, FS_LARGE, 0, line, (Rect){x, y, w, area.h - y}, th->text);
    char ready[160];
    snprintf(ready, sizeof ready, "when %s is ready", next);
    const char *const hints[] = {"Any key", ready};
    ui_hints(ui, (Rect){x, 0, w, area.h - u * 2}, hints, 1);
}

static void destroy(Screen *s)
{
    free(s);
}

static const ScreenOps ops = {
    .name = "handover", .handle = handle, .draw = draw, .destroy = destroy};

Screen *handover_screen_create(App *app, Game *g)
{
    (void)app;
    HandoverScreen *hs = calloc(1, sizeof *hs);
    if (!hs)
        return NULL;
    hs->base.ops = &ops;
    hs->game = g;
    return &hs->base;
}
