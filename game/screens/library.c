/* library.c: past sessions, newest first — when (as people read dates), the scenario's
 * title, the players, the team score, and whether it was left unfinished — with two charts
 * of the selected couple's sessions, oldest on the left, each with its axes, dates and
 * values: the team score, and how often each partner felt heard. For the selected session:
 * Enter replays it, C continues it where it was left (when unfinished), D deletes it after
 * a confirmation that names it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/screens/screens.h"
#include "game/session/session.h"

#define CHART_MAX 8 /* sessions on a chart: the couple's most recent */

typedef struct LibraryScreen {
    Screen base;
    SessionSummary *list;
    size_t count, selected;
    int confirm_delete;
    int scroll; /* first row shown */
    char status[700];
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

/* "Sunday 22 November 2026, 10:15 (The microwave and the toaster, Alex and Sam)" into OUT. */
static const char *session_words(const SessionSummary *s, char *out, size_t n)
{
    char when[96];
    session_date_words(s->started, when, sizeof when);
    if (s->ok)
        snprintf(out, n, "%s (%s, %s and %s)", when, s->title, s->players[0], s->players[1]);
    else
        snprintf(out, n, "%s", when);
    return out;
}

static void delete_selected(LibraryScreen *ls, App *app)
{
    const SessionSummary *s = &ls->list[ls->selected];
    char words[400];
    session_words(s, words, sizeof words);
    if (session_delete(s->path) == 0)
        snprintf(ls->status, sizeof ls->status, "Deleted the session of %s.", words);
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
    const SessionSummary *sel = ls->count ? &ls->list[ls->selected] : NULL;
    if (e->key == KEY_ESCAPE)
        app_pop(app);
    else if (e->key == KEY_UP && ls->selected > 0)
        ls->selected--;
    else if (e->key == KEY_DOWN && ls->selected + 1 < ls->count)
        ls->selected++;
    else if ((e->key == 'd' || e->key == KEY_DELETE) && sel)
        ls->confirm_delete = 1;
    else if (e->key == KEY_RETURN && sel && sel->ok)
        app_push(app, replay_screen_create(app, sel->path));
    else if (e->key == 'c' && sel && sel->ok && !sel->ended)
        app_push(app, play_screen_resume(app, sel->path));
    else if (e->key == 'c' && sel && sel->ok)
        snprintf(ls->status, sizeof ls->status,
                 "That session is finished: Enter replays it, or play a new one from the title.");
}

static int same_couple(const SessionSummary *a, const SessionSummary *b)
{
    return (strcmp(a->players[0], b->players[0]) == 0 &&
            strcmp(a->players[1], b->players[1]) == 0) ||
           (strcmp(a->players[0], b->players[1]) == 0 && strcmp(a->players[1], b->players[0]) == 0);
}

/* ---- the charts -------------------------------------------------------------------------- */

typedef struct Series {
    int n; /* sessions, oldest first */
    const SessionSummary *s[CHART_MAX];
    char names[2][64]; /* the couple, as the selected session names them */
} Series;

/* Whether S has anything to chart: a game left before anyone said a word has no score (the
 * list still shows it, to continue or delete). */
static int charted(const SessionSummary *s)
{
    return s->ok && (s->ended || s->played > 0);
}

/* The selected couple's most recent sessions with something to chart, oldest first. */
static void couple_sessions(const LibraryScreen *ls, Series *out)
{
    const SessionSummary *sel = &ls->list[ls->selected];
    memset(out, 0, sizeof *out);
    memcpy(out->names, sel->players, sizeof out->names);
    const SessionSummary *newest[CHART_MAX];
    int k = 0;
    for (size_t i = 0; i < ls->count && k < CHART_MAX; i++) /* the list is newest first */
        if (charted(&ls->list[i]) && same_couple(&ls->list[i], sel))
            newest[k++] = &ls->list[i];
    for (int i = 0; i < k; i++)
        out->s[i] = newest[k - 1 - i];
    out->n = k;
}

/* How often NAME's partner felt heard in S, in percent, or -1 when nobody rated NAME. */
static int felt_percent(const SessionSummary *s, const char *name)
{
    int p = strcmp(s->players[0], name) == 0 ? 0 : 1;
    return s->rated[p] ? s->felt_heard[p] * 100 / s->rated[p] : -1;
}

/* The x of point I of N in PLOT, whose first and last points stand INSET from its ends. */
static int point_x(Rect plot, int inset, int i, int n)
{
    return n == 1 ? plot.x + plot.w / 2 : plot.x + inset + i * (plot.w - 2 * inset) / (n - 1);
}

/* Whether session I of SE was played on the same day as the one before or after it (the
 * series is in time order), so its date alone would not tell them apart. */
static int shares_day(const Series *se, int i)
{
    char day[32], other[32];
    session_date_short(se->s[i]->started, day, sizeof day);
    for (int j = i - 1; j <= i + 1; j += 2)
        if (j >= 0 && j < se->n &&
            strcmp(day, session_date_short(se->s[j]->started, other, sizeof other)) == 0)
            return 1;
    return 0;
}

/* The dates under the x-axis of PLOT (points INSET from its ends), from Y, within BOX: the
 * day, and under it the time when another session on the chart shares that day. A date that
 * would run into the one before is left out. */
static void draw_dates(const Ui *ui, const Series *se, Rect plot, int inset, int y, Rect box)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, lh = txt_line_height(ui->text, FS_SMALL), last_end = -1000;
    for (int i = 0; i < se->n; i++) {
        char date[32], time[32] = "";
        session_date_short(se->s[i]->started, date, sizeof date);
        if (shares_day(se, i))
            session_time_short(se->s[i]->started, time, sizeof time);
        int dw = txt_width(ui->text, FS_SMALL, 0, date),
            tw = txt_width(ui->text, FS_SMALL, 0, time);
        int w = dw > tw ? dw : tw, cx = point_x(plot, inset, i, se->n), x = cx - w / 2;
        if (x < last_end + u || x + w > box.x + box.w)
            continue;
        txt_draw(ui->text, FS_SMALL, 0, date, cx - dw / 2, y, th->muted);
        if (time[0])
            txt_draw(ui->text, FS_SMALL, 0, time, cx - tw / 2, y + lh, th->muted);
        last_end = x + w;
    }
}

/* The frame of a chart: its title, the axes with LO and HI written at the y-axis, the
 * dates under the x-axis. ROOM: how far a point's value reaches to either side of it, so the
 * first and last points stand far enough in (*INSET) for their values to stay clear of the
 * y-axis and the chart's end. Returns the plot's rectangle. */
static Rect chart_frame(const Ui *ui, const Series *se, const char *title, const char *lo,
                        const char *hi, int room, Rect box, int *inset)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, lh = txt_line_height(ui->text, FS_SMALL);
    txt_draw(ui->text, FS_SMALL, 1, title, box.x, box.y, th->text);
    int axis_w = txt_width(ui->text, FS_SMALL, 0, hi) > txt_width(ui->text, FS_SMALL, 0, lo)
                     ? txt_width(ui->text, FS_SMALL, 0, hi)
                     : txt_width(ui->text, FS_SMALL, 0, lo);
    /* over the plot, the title and a value written above the top point's mark (4 px) */
    Rect plot = {box.x + axis_w + u, box.y + lh * 2 + 4, box.w - axis_w - u * 2,
                 box.h - lh * 4 - u - 4};
    *inset = plot.w / 10 > room ? plot.w / 10 : room;
    if (*inset > plot.w / 2)
        *inset = plot.w / 2;
    ui_fill(ui, (Rect){plot.x, plot.y, 1, plot.h}, th->text);          /* the y-axis */
    ui_fill(ui, (Rect){plot.x, plot.y + plot.h, plot.w, 1}, th->text); /* the x-axis */
    txt_draw(ui->text, FS_SMALL, 0, hi, box.x, plot.y - lh / 2, th->muted);
    txt_draw(ui->text, FS_SMALL, 0, lo, box.x, plot.y + plot.h - lh / 2, th->muted);
    draw_dates(ui, se, plot, *inset, plot.y + plot.h + u / 2, box);
    return plot;
}

/* The team score of each session: a dot with its value. */
static void draw_scores(const Ui *ui, const Series *se, Rect box)
{
    const Theme *th = &ui->theme;
    int lo = 0, hi = 1, lh = txt_line_height(ui->text, FS_SMALL), room = 0, inset;
    for (int i = 0; i < se->n; i++) {
        lo = se->s[i]->team_score < lo ? se->s[i]->team_score : lo;
        hi = se->s[i]->team_score > hi ? se->s[i]->team_score : hi;
    }
    char los[16], his[16];
    snprintf(los, sizeof los, "%+d", lo);
    snprintf(his, sizeof his, "%+d", hi);
    for (int i = 0; i < 2; i++) { /* a value is centred over its dot */
        int w = txt_width(ui->text, FS_SMALL, 1, i ? his : los) / 2 + 2;
        room = w > room ? w : room;
    }
    Rect plot = chart_frame(ui, se, "Team score", lo ? los : "0", his, room, box, &inset);
    for (int i = 0; i < se->n; i++) {
        int x = point_x(plot, inset, i, se->n);
        int y = plot.y + plot.h - (se->s[i]->team_score - lo) * plot.h / (hi - lo);
        ui_fill(ui, (Rect){x - 4, y - 4, 9, 9}, th->accent);
        char v[16];
        snprintf(v, sizeof v, "%+d", se->s[i]->team_score);
        int w = txt_width(ui->text, FS_SMALL, 1, v);
        txt_draw(ui->text, FS_SMALL, 1, v, x - w / 2, y - lh - 4, th->text);
    }
}

/* The key under the felt-heard chart, in BOX: a mark and "when NAME listened" for each
 * partner, on one line when both fit whole, else one a line (a name too long for a whole
 * line is shortened). DRAW 0 only measures. Returns the height it takes. */
static int draw_key(const Ui *ui, const Series *se, Rect box, int draw)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, lh = txt_line_height(ui->text, FS_SMALL);
    char key[2][96], shown[128];
    for (int p = 0; p < 2; p++)
        snprintf(key[p], sizeof key[p], "when %s listened", se->names[p]);
    int one_line = txt_width(ui->text, FS_SMALL, 0, key[0]) +
                       txt_width(ui->text, FS_SMALL, 0, key[1]) + u * 6 <=
                   box.w;
    int h = one_line ? lh : lh * 2;
    if (!draw)
        return h;
    int kx = box.x, ky = box.y + box.h - h;
    for (int p = 0; p < 2; p++) {
        Rect mark = {kx, ky + 4, 9, 9};
        if (p == 0)
            ui_fill(ui, mark, th->accent);
        else
            ui_outline(ui, mark, th->text, 2);
        ui_ellipsize(ui, FS_SMALL, 0, key[p], box.x + box.w - kx - u * 2, shown, sizeof shown);
        int w = txt_draw(ui->text, FS_SMALL, 0, shown, kx + u * 2, ky, th->text);
        if (one_line) {
            kx += u * 4 + w;
        } else {
            kx = box.x;
            ky += lh;
        }
    }
    return h;
}

/* Whether A and B come closer than GAP pixels. */
static int crowds(Rect a, Rect b, int gap)
{
    return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap &&
           b.y < a.y + a.h + gap;
}

/* Where the value of the mark at (X, Y), W by LH, is written: beside it on SIDE (-1 left,
 * 1 right), else above it, else below it, else on the other side; the first place that
 * touches no mark (the first MARKS of the N rects in TAKEN), keeps a space from every value
 * already placed (the rest), stays right of the y-axis, inside AREA and off the x-axis
 * (AREA's bottom). Returns 0 when no place is free. */
static int place_value(const Ui *ui, int x, int y, int w, int side, Rect area, const Rect *taken,
                       int marks, int n, Rect *out)
{
    int lh = txt_line_height(ui->text, FS_SMALL), gap = lh / 3 > 2 ? lh / 3 : 2;
    Rect tries[4] = {{side > 0 ? x + 6 : x - 6 - w, y - lh / 2, w, lh},
                     {x - w / 2, y - 5 - lh, w, lh},
                     {x - w / 2, y + 5, w, lh},
                     {side > 0 ? x - 6 - w : x + 6, y - lh / 2, w, lh}};
    for (int t = 0; t < 4; t++) {
        Rect r = tries[t];
        if (r.y + r.h > area.y + area.h) /* a value at 0% is lifted off the x-axis */
            r.y = area.y + area.h - r.h;
        if (r.x < area.x || r.x + r.w > area.x + area.w || r.y < area.y)
            continue;
        int free = 1;
        for (int k = 0; k < n && free; k++)
            free = !crowds(r, taken[k], k < marks ? 0 : gap);
        if (free) {
            *out = r;
            return 1;
        }
    }
    return 0;
}

/* How often each partner felt heard: a filled mark for the first, an outlined one for the
 * second, with its value beside it (or above or below, where beside it would run into
 * another value), and the key under the chart, KEY_H high. */
static void draw_felt(const Ui *ui, const Series *se, Rect box, int key_h)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, lh = txt_line_height(ui->text, FS_SMALL), inset;
    int room = u + 8 + txt_width(ui->text, FS_SMALL, 0, "100%"); /* a mark u aside, its value */
    Rect plot = chart_frame(ui, se, "Felt heard (Got it, when each listened)", "0%", "100%", room,
                            (Rect){box.x, box.y, box.w, box.h - key_h}, &inset);
    /* values go right of the y-axis, under the title, above the x-axis */
    Rect area = {plot.x + 2, box.y + lh, box.x + box.w - plot.x - 2, plot.y + plot.h - box.y - lh};
    Rect taken[CHART_MAX * 4];
    int n = 0, marks, px[2][CHART_MAX], py[2][CHART_MAX], pct[2][CHART_MAX];
    for (int p = 0; p < 2; p++) { /* every mark first: no value may cover one */
        for (int i = 0; i < se->n; i++) {
            pct[p][i] = felt_percent(se->s[i], se->names[p]);
            px[p][i] = point_x(plot, inset, i, se->n) + (p ? u : -u);
            py[p][i] = plot.y + plot.h - pct[p][i] * plot.h / 100;
            if (pct[p][i] < 0)
                continue;
            Rect mark = {px[p][i] - 4, py[p][i] - 4, 9, 9};
            taken[n++] = mark;
            if (p == 0)
                ui_fill(ui, mark, th->accent);
            else
                ui_outline(ui, mark, th->text, 2);
        }
    }
    marks = n;
    for (int p = 0; p < 2; p++) {
        for (int i = 0; i < se->n; i++) {
            if (pct[p][i] < 0)
                continue;
            char v[16];
            snprintf(v, sizeof v, "%d%%", pct[p][i]);
            Rect at;
            if (!place_value(ui, px[p][i], py[p][i], txt_width(ui->text, FS_SMALL, 0, v),
                             p ? 1 : -1, area, taken, marks, n, &at))
                continue; /* the mark stays; a value that would run into another is left out */
            taken[n++] = at;
            txt_draw(ui->text, FS_SMALL, 0, v, at.x, at.y, th->text);
        }
    }
    draw_key(ui, se, box, 1);
}

static void draw_charts(LibraryScreen *ls, const Ui *ui, Rect box)
{
    const Theme *th = &ui->theme;
    int u = ui->unit;
    ui_fill(ui, box, th->panel);
    ui_outline(ui, box, th->border, 1);
    if (!ls->count || !ls->list[ls->selected].ok)
        return;
    Series se;
    couple_sessions(ls, &se);
    char title[200];
    if (se.n == 0)
        snprintf(title, sizeof title, "%s and %s: nothing to chart until a game has a turn",
                 se.names[0], se.names[1]);
    else
        snprintf(title, sizeof title, "%s and %s: %d session%s%s", se.names[0], se.names[1], se.n,
                 se.n == 1 ? "" : "s", se.n == CHART_MAX ? ", the latest" : "");
    char shown[240];
    txt_draw(ui->text, FS_SMALL, 1,
             ui_ellipsize(ui, FS_SMALL, 1, title, box.w - u * 2, shown, sizeof shown), box.x + u,
             box.y + u / 2, th->text);
    if (se.n == 0)
        return;
    int top = box.y + u / 2 + txt_line_height(ui->text, FS_SMALL) + u / 2;
    int half = (box.w - u * 3) / 2, h = box.y + box.h - top - u / 2;
    Rect felt = {box.x + u * 2 + half, top, half, h};
    int key_h = draw_key(ui, &se, felt, 0); /* both plots leave it room, so their axes line up */
    draw_scores(ui, &se, (Rect){box.x + u, top, half, h - key_h});
    draw_felt(ui, &se, felt, key_h);
}

/* ---- the list ---------------------------------------------------------------------------- */

static void draw_row(const Ui *ui, const SessionSummary *s, int selected, Rect row)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, w = row.w - u * 2;
    char line[600], shown[600], when[96];
    if (selected) {
        ui_fill(ui, row, th->panel_alt);
        ui_outline(ui, row, th->focus, 2);
    }
    if (!s->ok) {
        snprintf(line, sizeof line, "⚠ %.500s", s->error);
        txt_draw(ui->text, FS_BODY, 0, ui_ellipsize(ui, FS_BODY, 0, line, w, shown, sizeof shown),
                 row.x + u, row.y + u / 4, th->bad);
        return;
    }
    snprintf(line, sizeof line, "%s — %s and %s", s->title, s->players[0], s->players[1]);
    txt_draw(ui->text, FS_BODY, selected,
             ui_ellipsize(ui, FS_BODY, selected, line, w, shown, sizeof shown), row.x + u,
             row.y + u / 4, th->text);
    snprintf(line, sizeof line, "%s · team %+d%s",
             session_date_words(s->started, when, sizeof when), s->team_score,
             s->ended ? "" : " · unfinished: C continues it");
    txt_draw(ui->text, FS_SMALL, 0, ui_ellipsize(ui, FS_SMALL, 0, line, w, shown, sizeof shown),
             row.x + u, row.y + u / 4 + txt_line_height(ui->text, FS_BODY),
             s->ended ? th->muted : th->accent);
}

/* Draws the rows that fit in BOX, the selected one among them. When not all fit, the last
 * line of BOX says how many are above and below, so that no session is hidden unseen. */
static void draw_rows(LibraryScreen *ls, const Ui *ui, Rect box)
{
    int u = ui->unit, lh_s = txt_line_height(ui->text, FS_SMALL);
    int lh = txt_line_height(ui->text, FS_BODY) + lh_s + u;
    int rows = box.h / lh > 0 ? box.h / lh : 1;
    if ((size_t)rows < ls->count) /* the line that says so takes its room */
        rows = (box.h - lh_s) / lh > 0 ? (box.h - lh_s) / lh : 1;
    if ((int)ls->selected < ls->scroll)
        ls->scroll = (int)ls->selected;
    if ((int)ls->selected >= ls->scroll + rows)
        ls->scroll = (int)ls->selected - rows + 1;
    int r = 0;
    for (; r < rows && (size_t)(ls->scroll + r) < ls->count; r++) {
        size_t i = (size_t)(ls->scroll + r);
        draw_row(ui, &ls->list[i], i == ls->selected, (Rect){box.x, box.y + r * lh, box.w, lh});
    }
    int above = ls->scroll, below = (int)ls->count - ls->scroll - r;
    if (above == 0 && below <= 0)
        return;
    char more[120];
    if (above && below > 0)
        snprintf(more, sizeof more, "▲ %d more above · ▼ %d more below (↑ ↓)", above, below);
    else if (above)
        snprintf(more, sizeof more, "▲ %d more above (↑)", above);
    else
        snprintf(more, sizeof more, "▼ %d more below (↓)", below);
    txt_draw(ui->text, FS_SMALL, 1, more, box.x + u, box.y + r * lh, ui->theme.muted);
}

static void draw(Screen *s, App *app, Rect area)
{
    LibraryScreen *ls = (LibraryScreen *)s;
    const Ui *ui = app_ui(app);
    const Theme *th = &ui->theme;
    int u = ui->unit, m = u * 3, y = m;
    txt_draw(ui->text, FS_TITLE, 1, "Past sessions", m, y, th->text);
    y += txt_line_height(ui->text, FS_TITLE) + u;
    static const char *const hints[] = {"↑ ↓",      "Select", "Enter",  "Replay", "C",
                                        "Continue", "D",      "Delete", "Esc",    "Back"};
    int hints_h = ui_hints_height(ui, area.w - 2 * m, hints, 5) + u;
    char ask[800];
    const char *msg = ls->status;
    if (ls->confirm_delete) {
        char words[400];
        snprintf(ask, sizeof ask,
                 "Delete the session of %s for good? Y deletes, any other key keeps it.",
                 session_words(&ls->list[ls->selected], words, sizeof words));
        msg = ask;
    }
    /* a message takes room only while there is one: the list keeps it otherwise */
    int msg_h = *msg ? txt_line_height(ui->text, FS_BODY) * 2 + u : 0;
    int avail = area.h - y - hints_h - msg_h, chart_h = avail * 9 / 20;
    int lh = txt_line_height(ui->text, FS_SMALL),
        row_h = txt_line_height(ui->text, FS_BODY) + lh + u;
    int least = lh * 10 + u * 5 / 2 + 4;   /* a plot three lines high over a key on two lines */
    int spare = avail - row_h * 2 - u * 2; /* what the list can give and keep two rows */
    if (chart_h < (least < spare ? least : spare))
        chart_h = least < spare ? least : spare;
    int rows = ls->count ? (int)ls->count : 1; /* a short list leaves the chart its room */
    if (avail - rows * row_h - u * 2 > chart_h)
        chart_h = avail - rows * row_h - u * 2;
    Rect list = {m, y, area.w - 2 * m, area.h - y - hints_h - msg_h - chart_h - u * 2};
    if (ls->count == 0)
        txt_draw_wrapped(ui->text, FS_BODY, 0,
                         "No saved sessions yet. Every game you play is saved here as it "
                         "happens.",
                         list, th->muted);
    draw_rows(ls, ui, list);
    draw_charts(ls, ui, (Rect){m, list.y + list.h + u, area.w - 2 * m, chart_h});
    if (*msg)
        txt_draw_wrapped(ui->text, FS_BODY, 1, msg,
                         (Rect){m, area.h - hints_h - msg_h, area.w - 2 * m, msg_h}, th->bad);
    ui_hints(ui, (Rect){m, 0, area.w - 2 * m, area.h - u}, hints, 5);
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
