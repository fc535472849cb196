/* picker.c: choose a scenario. Scenarios are grouped by difficulty with their one-line
 * descriptions; broken ones are listed with their error and cannot be chosen. Up/Down (or
 * the mouse) select, Enter chooses, Esc goes back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/screens/screens.h"

typedef struct PickerScreen {
    Screen base;
    ScenarioInfo *list;
    size_t count;
    size_t selected;
    int scroll;    /* pixels scrolled, so the selection stays in view */
    Rect rows[64]; /* the last drawn rects of the first 64 rows, for clicks */
} PickerScreen;

static void load(PickerScreen *ps, App *app)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/scripts/scenarios", app_root(app));
    scenario_list_free(ps->list);
    ps->list = NULL;
    ps->count = 0;
    scenario_list(dir, &ps->list, &ps->count);
    ps->selected = 0;
}

static void choose(PickerScreen *ps, App *app)
{
    if (ps->selected < ps->count && ps->list[ps->selected].ok)
        app_push(app, players_screen_create(app, &ps->list[ps->selected]));
}

static void handle(Screen *s, App *app, const Event *e)
{
    PickerScreen *ps = (PickerScreen *)s;
    if (e->kind == EV_CLICK) {
        for (size_t i = 0; i < ps->count && i < 64; i++)
            if (ui_inside(ps->rows[i], e->x, e->y)) {
                ps->selected = i;
                choose(ps, app);
                return;
            }
        return;
    }
    if (e->kind == EV_WHEEL && ps->count) {
        if (e->y > 0 && ps->selected > 0)
            ps->selected--;
        else if (e->y < 0 && ps->selected + 1 < ps->count)
            ps->selected++;
        return;
    }
    if (e->kind != EV_KEY)
        return;
    if (e->key == KEY_ESCAPE)
        app_pop(app);
    else if (e->key == KEY_UP && ps->selected > 0)
        ps->selected--;
    else if (e->key == KEY_DOWN && ps->selected + 1 < ps->count)
        ps->selected++;
    else if (e->key == KEY_RETURN)
        choose(ps, app);
    else if (e->key == 'r' || e->key == KEY_F5)
        load(ps, app);
    else if (e->key >= '1' && e->key <= '9' && (size_t)(e->key - '1') < ps->count) {
        ps->selected = (size_t)(e->key - '1');
        choose(ps, app);
    }
}

static const char *group_name(int d)
{
    static const char *const names[] = {"Cannot be played", "1 · Appliances — start here",
                                        "2 · Everyday", "3 · Touchy", "4 · Hot topics"};
    return names[d >= 1 && d <= 4 ? d : 0];
}

/* Height of one row: title line plus its wrapped description or error. */
static int row_height(const Ui *ui, const ScenarioInfo *info, int w)
{
    const WrapLine *lines;
    int n = txt_wrap(ui->text, FS_SMALL, 0, info->ok ? info->description : info->error, w, &lines);
    return txt_line_height(ui->text, FS_BODY) + n * txt_line_height(ui->text, FS_SMALL) + ui->unit;
}

/* Draws the rows that fit in BOX; returns how many scenarios lie below it, out of sight. */
static int draw_rows(PickerScreen *ps, const Ui *ui, Rect box)
{
    const Theme *t = &ui->theme;
    int u = ui->unit, x = box.x + u * 2, w = box.w - u * 4;
    int y = box.y + u - ps->scroll, last_group = -1, below = 0;
    int bottom = box.y + box.h;
    for (size_t i = 0; i < ps->count; i++) {
        const ScenarioInfo *info = &ps->list[i];
        int group = info->ok ? info->difficulty : 0;
        if (group != last_group) {
            if (y >= box.y && y + txt_line_height(ui->text, FS_LARGE) <= bottom)
                txt_draw(ui->text, FS_LARGE, 1, group_name(group), x, y, t->muted);
            y += txt_line_height(ui->text, FS_LARGE) + u / 2;
            last_group = group;
        }
        int h = row_height(ui, info, w - u * 6);
        Rect row = {x, y, w, h};
        if (i < 64)
            ps->rows[i] = (y >= box.y && y + h <= bottom) ? row : (Rect){0, 0, 0, 0};
        if (y >= box.y && y + h <= bottom) {
            int sel = i == ps->selected;
            if (sel) {
                ui_fill(ui, row, t->panel_alt);
                ui_outline(ui, row, t->focus, 3);
            }
            char title[200];
            snprintf(title, sizeof title, "%s%s", sel ? "▶ " : "", info->ok ? info->title : "");
            if (!info->ok)
                snprintf(title, sizeof title, "⚠ %s", info->title);
            int lh = txt_line_height(ui->text, FS_BODY);
            txt_draw(ui->text, FS_BODY, 1, title, x + u, y + u / 2, info->ok ? t->text : t->bad);
            txt_draw_wrapped(ui->text, FS_SMALL, 0, info->ok ? info->description : info->error,
                             (Rect){x + u * 3, y + u / 2 + lh, w - u * 6, h}, t->muted);
        }
        below += y + h > bottom;
        y += h + u / 2;
    }
    return below;
}

/* Keeps the selected row inside the box by adjusting the scroll offset. */
static void follow_selection(PickerScreen *ps, const Ui *ui, Rect box)
{
    int u = ui->unit, w = box.w - u * 4, y = u, last_group = -1;
    for (size_t i = 0; i < ps->count; i++) {
        int group = ps->list[i].ok ? ps->list[i].difficulty : 0;
        if (group != last_group) {
            y += txt_line_height(ui->text, FS_LARGE) + u / 2;
            last_group = group;
        }
        int h = row_height(ui, &ps->list[i], w - u * 6);
        if (i == ps->selected) {
            if (y + h - ps->scroll > box.h)
                ps->scroll = y + h - box.h + u;
            if (y - ps->scroll < 0)
                ps->scroll = y - u - txt_line_height(ui->text, FS_LARGE);
            if (ps->scroll < 0)
                ps->scroll = 0;
            return;
        }
        y += h + u / 2;
    }
}

static void draw(Screen *s, App *app, Rect area)
{
    PickerScreen *ps = (PickerScreen *)s;
    const Ui *ui = app_ui(app);
    const Theme *t = &ui->theme;
    int u = ui->unit, m = u * 3;
    txt_draw(ui->text, FS_TITLE, 1, "Choose a scenario", m, m, t->text);
    int y = m + txt_line_height(ui->text, FS_TITLE) + u;
    int hints_h = txt_line_height(ui->text, FS_SMALL) * 2 + u * 2;
    Rect box = {m, y, area.w - 2 * m, area.h - y - hints_h - u};
    ui_fill(ui, box, t->panel);
    ui_outline(ui, box, t->border, 1);
    if (ps->count == 0)
        txt_draw_wrapped(ui->text, FS_BODY, 0,
                         "No scenarios were found in scripts/scenarios. Add a .lua file there "
                         "(see docs/scenarios.md) and press R.",
                         (Rect){box.x + u * 2, box.y + u, box.w - u * 4, box.h}, t->bad);
    /* The box's last line says how many scenarios are out of sight below. */
    int more_h = txt_line_height(ui->text, FS_SMALL) + u / 2;
    Rect rows = {box.x, box.y, box.w, box.h - more_h};
    follow_selection(ps, ui, rows);
    int below = draw_rows(ps, ui, rows);
    if (below > 0) {
        char more[96];
        snprintf(more, sizeof more, "▼ %d more below (↓ or the mouse wheel)", below);
        txt_draw(ui->text, FS_SMALL, 1, more, box.x + u * 2, rows.y + rows.h, t->muted);
    }
    static const char *const hints[] = {"↑ ↓", "Select", "Enter", "Choose",
                                        "R",   "Reload", "Esc",   "Back"};
    ui_hints(ui, (Rect){m, 0, area.w - 2 * m, area.h - u}, hints, 4);
}

static void destroy(Screen *s)
{
    PickerScreen *ps = (PickerScreen *)s;
    scenario_list_free(ps->list);
    free(ps);
}

static const ScreenOps ops = {.name = "picker", .handle = handle, .draw = draw, .destroy = destroy};

Screen *picker_screen_create(App *app)
{
    PickerScreen *ps = calloc(1, sizeof *ps);
    if (!ps)
        return NULL;
    ps->base.ops = &ops;
    load(ps, app);
    return &ps->base;
}
