/* library.c: past sessions, newest first (date, scenario, players, team score), a chart of
 * the couple's team score and reflection rate across their sessions, and for the selected
 * one: open it in the replay viewer, or delete it after a confirmation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/screens/screens.h"
#include "game/session/session.h"

typedef struct LibraryScreen {
    Screen base;
    SessionSummary *list;
    size_t count, selected;
    int confirm_delete;
    int scroll; /* first row shown */
    char status[600];
} LibraryScreen;

static void load(LibraryScreen *ls, App *app)
{
    session_list_free(ls->list, ls->count);
    ls->list = NULL;
    ls->count = 0;
    if (session_list(app_data_dir(app), &ls->list, &ls->count) != 0)
        snprintf(ls->status, sizeof ls->status, "Could not read the sessions in %s.",
                 app_data_dir(app));
    if (ls->selected >= ls->count)
        ls->selected = ls->count ? ls->count - 1 : 0;
}

static void delete_selected(LibraryScreen *ls, App *app)
{
    const SessionSummary *s = &ls->list[ls->selected];
    if (session_delete(s->path) == 0)
        snprintf(ls->status, sizeof ls->status, "Deleted the session of %s.", s->started);
    else
        snprintf(ls->status, sizeof ls->status, "Could not delete %.500s.", s->path);
    load(ls, app);
}

static void handle(Screen *s, App *app, const Event *e)
{
    LibraryScreen *ls = (LibraryScreen *)s;
    if (e->kind != EV_KEY)
        return;
    if (ls->confirm_delete) {
        if (e->key == 'y')
            delete_selected(ls, app);
        ls->confirm_delete = 0;
        return;
    }
    if (e->key == KEY_ESCAPE)
        app_pop(app);
    else if (e->key == KEY_UP && ls->selected > 0)
        ls->selected--;
    else if (e->key == KEY_DOWN && ls->selected + 1 < ls->count)
        ls->selected++;
    else if ((e->key == 'd' || e->key == KEY_DELETE) && ls->count)
        ls->confirm_delete = 1;
    else if (e->key == KEY_RETURN && ls->count && ls->list[ls->selected].ok)
        app_push(app, replay_screen_create(app, ls->list[ls->selected].path));
}

static int same_couple(const SessionSummary *a, const SessionSummary *b)
{
    return (strcmp(a->players[0], b->players[0]) == 0 &&
            strcmp(a->players[1], b->players[1]) == 0) ||
           (strcmp(a->players[0], b->players[1]) == 0 && strcmp(a->players[1], b->players[0]) == 0);
}

/* Team score (solid line, round dots) and reflection rate (dashed, square dots) of the
 * selected couple's sessions, oldest on the left. */
static void draw_chart(LibraryScreen *ls, const Ui *ui, Rect box)
{
    const Theme *th = &ui->theme;
    int u = ui->unit;
    ui_fill(ui, box, th->panel);
    ui_outline(ui, box, th->border, 1);
    if (!ls->count || !ls->list[ls->selected].ok)
        return;
    const SessionSummary *sel = &ls->list[ls->selected];
    char title[200];
    snprintf(title, sizeof title, "%s and %s over time", sel->players[0], sel->players[1]);
    txt_draw(ui->text, FS_SMALL, 1, title, box.x + u, box.y + u / 2, th->text);
    int idx[64], n = 0, maxs = 1, mins = 0;
    for (size_t i = ls->count; i > 0 && n < 64; i--) { /* the list is newest first */
        const SessionSummary *s = &ls->list[i - 1];
        if (s->ok && same_couple(s, sel)) {
            idx[n++] = (int)(i - 1);
            maxs = s->team_score > maxs ? s->team_score : maxs;
            mins = s->team_score < mins ? s->team_score : mins;
        }
    }
    int lh = txt_line_height(ui->text, FS_SMALL);
    Rect plot = {box.x + u * 2, box.y + lh * 2 + u, box.w - u * 4, box.h - lh * 4 - u * 2};
    ui_fill(ui, (Rect){plot.x, plot.y + plot.h, plot.w, 1}, th->border);
    for (int k = 0; k < n; k++) {
        const SessionSummary *s = &ls->list[idx[k]];
        int x = plot.x + (n == 1 ? plot.w / 2 : k * plot.w / (n - 1));
        int ys =
            plot.y + plot.h - (s->team_score - mins) * plot.h / (maxs - mins ? maxs - mins : 1);
        int rate = s->turns ? s->reflections * 100 / s->turns : 0;
        int yr = plot.y + plot.h - rate * plot.h / 100;
        ui_fill(ui, (Rect){x - 4, ys - 4, 9, 9}, th->accent);
        ui_outline(ui, (Rect){x - 4, yr - 4, 9, 9}, th->text, 2);
        if (idx[k] == (int)ls->selected)
            ui_outline(ui, (Rect){x - 8, plot.y, 17, plot.h}, th->focus, 2);
    }
    int ly = plot.y + plot.h + u / 2;
    ui_fill(ui, (Rect){plot.x, ly + 4, 9, 9}, th->accent);
    txt_draw(ui->text, FS_SMALL, 0, "team score", plot.x + u * 2, ly, th->text);
    int lx = plot.x + u * 3 + txt_width(ui->text, FS_SMALL, 0, "team score") + u * 2;
    ui_outline(ui, (Rect){lx, ly + 4, 9, 9}, th->text, 2);
    txt_draw(ui->text, FS_SMALL, 0, "share of turns with a reflection", lx + u * 2, ly, th->text);
}

static void draw_rows(LibraryScreen *ls, const Ui *ui, Rect box)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, lh = txt_line_height(ui->text, FS_BODY) + u / 2;
    int rows = box.h / lh;
    if ((int)ls->selected < ls->scroll)
        ls->scroll = (int)ls->selected;
    if ((int)ls->selected >= ls->scroll + rows)
        ls->scroll = (int)ls->selected - rows + 1;
    for (int r = 0; r < rows && (size_t)(ls->scroll + r) < ls->count; r++) {
        size_t i = (size_t)(ls->scroll + r);
        const SessionSummary *s = &ls->list[i];
        Rect row = {box.x, box.y + r * lh, box.w, lh};
        if (i == ls->selected) {
            ui_fill(ui, row, th->panel_alt);
            ui_outline(ui, row, th->focus, 2);
        }
        char line[400];
        if (s->ok)
            snprintf(line, sizeof line, "%.10s %.5s   %s   %s & %s   team %+d%s", s->started,
                     s->started + 11, s->scenario_id, s->players[0], s->players[1], s->team_score,
                     s->ended ? "" : "   (unfinished)");
        else
            snprintf(line, sizeof line, "⚠ %.300s", s->error);
        ui_clip(ui, row);
        txt_draw(ui->text, FS_BODY, i == ls->selected, line, row.x + u, row.y + u / 4,
                 s->ok ? th->text : th->bad);
        ui_unclip(ui);
    }
}

static void draw(Screen *s, App *app, Rect area)
{
    LibraryScreen *ls = (LibraryScreen *)s;
    const Ui *ui = app_ui(app);
    const Theme *th = &ui->theme;
    int u = ui->unit, m = u * 3, y = m;
    txt_draw(ui->text, FS_TITLE, 1, "Past sessions", m, y, th->text);
    y += txt_line_height(ui->text, FS_TITLE) + u;
    int hints_h = txt_line_height(ui->text, FS_SMALL) * 2 + u * 2;
    int chart_h = (area.h - y - hints_h) * 2 / 5;
    Rect list = {m, y, area.w - 2 * m, area.h - y - hints_h - chart_h - u * 2};
    if (ls->count == 0)
        txt_draw_wrapped(ui->text, FS_BODY, 0,
                         "No saved sessions yet. Every game you play is saved here as it "
                         "happens.",
                         list, th->muted);
    draw_rows(ls, ui, list);
    draw_chart(ls, ui, (Rect){m, list.y + list.h + u, area.w - 2 * m, chart_h});
    const char *msg = ls->confirm_delete
                          ? "Delete this session for good? Y deletes, any other key keeps it."
                          : ls->status;
    if (*msg)
        txt_draw(ui->text, FS_BODY, 1, msg, m, area.h - hints_h - u, th->bad);
    static const char *const hints[] = {"↑ ↓", "Select", "Enter", "Replay",
                                        "D",   "Delete", "Esc",   "Back"};
    ui_hints(ui, (Rect){m, 0, area.w - 2 * m, area.h - u}, hints, 4);
}

static void destroy(Screen *s)
{
    LibraryScreen *ls = (LibraryScreen *)s;
    session_list_free(ls->list, ls->count);
    free(ls);
}

static const ScreenOps ops = {
    .name = "library", .handle = handle, .draw = draw, .destroy = destroy};

Screen *library_screen_create(App *app)
{
    LibraryScreen *ls = calloc(1, sizeof *ls);
    if (!ls)
        return NULL;
    ls->base.ops = &ops;
    load(ls, app);
    return &ls->base;
}
