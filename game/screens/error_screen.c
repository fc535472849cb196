/* error_screen.c: shows a script error without ever closing the game. The message (with
 * file and line) comes first, the traceback under it; R reloads, C copies, Esc goes back.
 * In a headless run (SDL's dummy video driver) nobody sees the screen, so the message also
 * goes to stderr as "heard: FILE:LINE: ...". */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/screens/screens.h"

typedef struct ErrorScreen {
    Screen base;
    ScriptError err;
    ErrorReloadFn reload;
    void *ud;
    char status[160];
} ErrorScreen;

static void handle(Screen *s, App *app, const Event *e)
{
    ErrorScreen *es = (ErrorScreen *)s;
    if (e->kind != EV_KEY)
        return;
    if (e->key == KEY_ESCAPE) {
        app_pop(app);
    } else if (e->key == 'c') {
        size_t n = strlen(es->err.message) + strlen(es->err.traceback) + 2;
        char *all = malloc(n);
        if (all) {
            snprintf(all, n, "%s\n%s", es->err.message, es->err.traceback);
            app_set_clipboard(app, all);
            free(all);
            snprintf(es->status, sizeof es->status, "Copied the message to the clipboard.");
        }
    } else if (e->key == 'r' && es->reload) {
        ScriptError fresh;
        memset(&fresh, 0, sizeof fresh);
        if (es->reload(es->ud, app, &fresh) == 0) {
            app_pop(app);
            return;
        }
        es->err = fresh;
        if (app_headless(app))
            fprintf(stderr, "heard: %s\n", es->err.message);
        snprintf(es->status, sizeof es->status, "Reloaded — the file still has an error.");
    }
}

static void draw(Screen *s, App *app, Rect area)
{
    ErrorScreen *es = (ErrorScreen *)s;
    const Ui *ui = app_ui(app);
    const Theme *t = &ui->theme;
    int u = ui->unit, m = u * 3;
    Rect panel = {m, m, area.w - 2 * m, area.h - 2 * m};
    ui_fill(ui, panel, t->panel);
    ui_outline(ui, panel, t->bad, 3);
    int x = panel.x + u * 2, w = panel.w - u * 4, y = panel.y + u * 2;
    txt_draw(ui->text, FS_TITLE, 1, "⚠ The scenario stopped", x, y, t->bad);
    y += txt_line_height(ui->text, FS_TITLE) + u;
    y += txt_draw_wrapped(ui->text, FS_BODY, 0,
                          "The game is fine and nothing saved was lost. Fix the file, then "
                          "press R to load it again.",
                          (Rect){x, y, w, panel.h}, t->muted) +
         u;
    int hints_h = txt_line_height(ui->text, FS_SMALL) * 2 + u * 2;
    int bottom = panel.y + panel.h - hints_h;
    y += txt_draw_wrapped(ui->text, FS_LARGE, 1, es->err.message, (Rect){x, y, w, bottom - y},
                          t->text) +
         u;
    if (es->err.traceback[0] && y < bottom)
        txt_draw_wrapped(ui->text, FS_SMALL, 0, es->err.traceback, (Rect){x, y, w, bottom - y},
                         t->muted);
    if (es->status[0])
        txt_draw(ui->text, FS_SMALL, 1, es->status, x, bottom - txt_line_height(ui->text, FS_SMALL),
                 t->good);
    static const char *const with_reload[] = {"R", "Reload", "C", "Copy message", "Esc", "Back"};
    static const char *const without[] = {"C", "Copy message", "Esc", "Back"};
    ui_hints(ui, (Rect){x, panel.y, w, panel.h - u}, es->reload ? with_reload : without,
             es->reload ? 3 : 2);
}

static void destroy(Screen *s)
{
    free(s);
}

static const ScreenOps ops = {.name = "error", .handle = handle, .draw = draw, .destroy = destroy};

Screen *error_screen_create(const ScriptError *err, ErrorReloadFn reload, void *ud)
{
    ErrorScreen *es = calloc(1, sizeof *es);
    if (!es)
        return NULL;
    es->base.ops = &ops;
    es->err = *err;
    es->reload = reload;
    es->ud = ud;
    const char *driver = SDL_GetCurrentVideoDriver();
    if (driver && strcmp(driver, "dummy") == 0)
        fprintf(stderr, "heard: %s\n", es->err.message[0] ? es->err.message : "a script error");
    return &es->base;
}
