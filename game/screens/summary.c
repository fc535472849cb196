/* summary.c: the end of a session — the team score, a chart of moves per partner (bars
 * told apart by fill pattern and labels, not colour alone), the reflection-to-question
 * ratio, the best reflection, and the parked toasters still waiting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/screens/play.h"
#include "game/screens/play_draw.h"
#include "game/session/stats.h"

typedef struct SummaryScreen {
    Screen base;
    Game *game;
    SessionStats st; /* the session's figures, counted once (game/session/stats.h) */
} SummaryScreen;

static void handle(Screen *s, App *app, const Event *e)
{
    (void)s;
    if (e->kind == EV_KEY && (e->key == KEY_RETURN || e->key == KEY_ESCAPE))
        app_pop_to_root(app);
}

/* One partner's bar: solid for the first partner, outlined with stripes for the second. */
static void bar(const Ui *ui, Rect r, int partner)
{
    const Theme *th = &ui->theme;
    if (r.w <= 0)
        return;
    if (partner == 0) {
        ui_fill(ui, r, th->accent);
        return;
    }
    ui_outline(ui, r, th->text, 2);
    for (int x = r.x + 4; x < r.x + r.w - 2; x += 6)
        ui_fill(ui, (Rect){x, r.y + 2, 2, r.h - 4}, th->muted);
}

static int draw_chart(SummaryScreen *ss, const Ui *ui, Rect box)
{
    const Theme *th = &ui->theme;
    const Flow *f = match_flow(ss->game->match);
    int u = ui->unit, lh = txt_line_height(ui->text, FS_SMALL), y = box.y;
    /* Legend. */
    for (int p = 0; p < 2; p++) {
        int lx = box.x + p * box.w / 2;
        bar(ui, (Rect){lx, y + 2, u * 3, lh - 4}, p);
        char name[96]; /* a long name is cut to its half of the key */
        txt_draw(
            ui->text, FS_SMALL, 1,
            ui_ellipsize(ui, FS_SMALL, 1, flow_name(f, p), box.w / 2 - u * 5, name, sizeof name),
            lx + u * 4, y, th->text);
    }
    y += lh + u / 2;
    const SessionStats *st = &ss->st;
    int label_w = 0; /* the widest label, up to half the box: longer ones wrap */
    for (int i = 0; i < st->n_tags; i++) {
        char label[96];
        snprintf(label, sizeof label, "✖ %s", moves_name(st->tags[i]));
        int lw = txt_width(ui->text, FS_SMALL, 1, label) + u;
        label_w = lw > label_w ? lw : label_w;
    }
    if (label_w > box.w / 2)
        label_w = box.w / 2;
    int max = 1;
    for (int i = 0; i < st->n_tags; i++)
        for (int p = 0; p < 2; p++)
            max = st->tag_counts[i][p] > max ? st->tag_counts[i][p] : max;
    int bar_w = box.w - label_w - u * 4;
    int row_h = lh * 2 + u / 2, room = (box.y + box.h - y - lh) / row_h; /* a line for "more" */
    if (st->n_tags * row_h <= box.y + box.h - y)
        room = st->n_tags;
    for (int i = 0; i < st->n_tags && i < room; i++) {
        char label[96];
        snprintf(label, sizeof label, "%s %s", st->tag_helps[i] ? "✔" : "✖",
                 moves_name(st->tags[i]));
        const WrapLine *lines;
        int rows = txt_wrap(ui->text, FS_SMALL, 1, label, label_w - u, &lines);
        txt_draw_wrapped(ui->text, FS_SMALL, 1, label,
                         (Rect){box.x, y + (rows > 1 ? 0 : lh / 2), label_w - u, lh * 2},
                         st->tag_helps[i] ? th->good : th->bad);
        for (int p = 0; p < 2; p++) {
            int w = bar_w * st->tag_counts[i][p] / max;
            bar(ui, (Rect){box.x + label_w, y + p * lh, w, lh - 3}, p);
            if (st->tag_counts[i][p] == 0)
                continue; /* no bar, no number floating at its foot */
            char num[16];
            snprintf(num, sizeof num, "%d", st->tag_counts[i][p]);
            txt_draw(ui->text, FS_SMALL, 0, num, box.x + label_w + w + u / 2, y + p * lh, th->text);
        }
        y += lh * 2 + u / 2;
    }
    if (st->n_tags == 0)
        txt_draw(ui->text, FS_SMALL, 0, "No moves were recognised this session.", box.x, y,
                 th->muted);
    else if (room < st->n_tags) {
        char more[96];
        snprintf(more, sizeof more, "… and %d more moves in the export", st->n_tags - room);
        txt_draw(ui->text, FS_SMALL, 1, more, box.x, y, th->muted);
    }
    return y - box.y;
}

/* Draws TEXT wrapped at *Y in BOX in SIZE (BOLD) when the whole of it fits above the box's
 * bottom, less RESERVE pixels; returns 0 when it did not (nothing is drawn). */
static int put(const Ui *ui, Rect box, int *y, FontSize size, int bold, const char *text, Color c,
               int reserve)
{
    const WrapLine *lines;
    int h = txt_wrap(ui->text, size, bold, text, box.w, &lines) * txt_line_height(ui->text, size);
    if (*y + h > box.y + box.h - reserve)
        return 0;
    *y += txt_draw_wrapped(ui->text, size, bold, text, (Rect){box.x, *y, box.w, h}, c);
    return 1;
}

/* "When Alex listened: Sam said Got it 1 of 2 times" for PLAYER's listening into BUF. */
static const char *felt_heard(const SessionStats *st, const Flow *f, int player, char *buf,
                              size_t n)
{
    int rated, got = session_stats_felt_heard(st, player, &rated);
    if (rated)
        snprintf(buf, n, "When %s listened: %s said Got it %d of %d %s", flow_name(f, player),
                 flow_name(f, 1 - player), got, rated, rated == 1 ? "time" : "times");
    else
        snprintf(buf, n, "%s did not listen this time", flow_name(f, player));
    return buf;
}

/* The take-away: the next steps agreed and the toasters still parked (or why none is). */
static void draw_takeaway(SummaryScreen *ss, const Ui *ui, Rect box, int y)
{
    const Theme *th = &ui->theme;
    const Flow *f = match_flow(ss->game->match);
    const SessionStats *st = &ss->st;
    int u = ui->unit, lh = txt_line_height(ui->text, FS_SMALL);
    size_t n;
    const Turn *turns = flow_turns(f, &n);
    char line[700];
    y += u / 2;
    if (!put(ui, box, &y, FS_BODY, 1, "To take away", th->accent, lh))
        return;
    int steps = 0;
    for (size_t i = 0; i < n; i++)
        if (session_stats_next_step(turns, n, i)) {
            snprintf(line, sizeof line, "✔ %s will: %s", flow_name(f, turns[i].player),
                     turns[i].text);
            if (!put(ui, box, &y, FS_SMALL, 0, line, th->text, lh)) {
                put(ui, box, &y, FS_SMALL, 1, "… more in the export", th->muted, 0);
                return;
            }
            steps++;
        }
    if (!steps &&
        !put(ui, box, &y, FS_SMALL, 0, "No next step was agreed this time.", th->muted, lh))
        return;
    for (size_t i = 0; i < n; i++)
        if (session_stats_waiting(turns, n, i)) {
            snprintf(line, sizeof line, "• still parked, %s's: %s", flow_name(f, turns[i].player),
                     turns[i].text);
            if (!put(ui, box, &y, FS_SMALL, 0, line, th->text, lh)) {
                put(ui, box, &y, FS_SMALL, 1, "… more in the export", th->muted, 0);
                return;
            }
        }
    const char *none = NULL;
    if (st->toasters > st->parked)
        none = "A toaster was not parked: bring it up another time, softly, when you hold the "
               "floor.";
    else if (st->parked && st->parked == st->returned)
        none = "No toaster is still parked: every grievance had its turn.";
    else if (!st->parked)
        none = "No toaster was parked.";
    if (none)
        put(ui, box, &y, FS_SMALL, 0, none, th->muted, 0);
}

static void draw_facts(SummaryScreen *ss, const Ui *ui, Rect box)
{
    const Theme *th = &ui->theme;
    const Flow *f = match_flow(ss->game->match);
    int u = ui->unit, y = box.y, lh = txt_line_height(ui->text, FS_SMALL) * 4;
    const SessionStats *st = &ss->st;
    size_t n;
    const Turn *turns = flow_turns(f, &n);
    char line[512];
    put(ui, box, &y, FS_BODY, 1, "Felt heard", th->text, lh);
    for (int p = 0; p < 2; p++)
        put(ui, box, &y, FS_SMALL, 0, felt_heard(st, f, p, line, sizeof line), th->text, lh);
    y += u / 2;
    int said = st->reflections[0] + st->reflections[1], asked = st->questions[0] + st->questions[1];
    snprintf(line, sizeof line, "Said it back %d %s, asked %d %s", said,
             said == 1 ? "time" : "times", asked, asked == 1 ? "question" : "questions");
    put(ui, box, &y, FS_SMALL, 0, line, th->text, lh);
    y += u / 2;
    if (st->best_reflection >= 0) {
        const Turn *best = &turns[st->best_reflection];
        snprintf(line, sizeof line, "Best saying it back — %s: “%s”", flow_name(f, best->player),
                 best->text);
        put(ui, box, &y, FS_SMALL, 0, line, th->text, lh);
    } else {
        put(ui, box, &y, FS_SMALL, 0,
            "Nobody said it back this time. Next time, try: “So what you're saying is… Did I "
            "get it?”",
            th->muted, lh);
    }
    draw_takeaway(ss, ui, box, y);
}

static void draw(Screen *s, App *app, Rect area)
{
    SummaryScreen *ss = (SummaryScreen *)s;
    const Ui *ui = app_ui(app);
    const Theme *th = &ui->theme;
    const Flow *f = match_flow(ss->game->match);
    int u = ui->unit, m = u * 3, y = m;
    txt_draw(ui->text, FS_TITLE, 1, "Session summary", m, y, th->text);
    y += txt_line_height(ui->text, FS_TITLE);
    char score[200];
    snprintf(score, sizeof score, "Team score %+d   (%s %+d · %s %+d)", ss->st.team_score,
             flow_name(f, 0), ss->st.points[0], flow_name(f, 1), ss->st.points[1]);
    y += txt_draw_wrapped(ui->text, FS_LARGE, 1, score, (Rect){m, y, area.w - 2 * m, area.h},
                          th->accent) +
         u;
    if (match_save_path(ss->game->match)[0]) {
        char saved[1200];
        snprintf(saved, sizeof saved, "Saved to %s", match_save_path(ss->game->match));
        y += txt_draw_wrapped(ui->text, FS_SMALL, 0, saved, (Rect){m, y, area.w - 2 * m, area.h},
                              th->muted) +
             u;
    } else if (match_save_warning(ss->game->match)[0]) {
        y += txt_draw_wrapped(ui->text, FS_SMALL, 1, match_save_warning(ss->game->match),
                              (Rect){m, y, area.w - 2 * m, area.h}, th->bad) +
             u;
    }
    int hints_h = txt_line_height(ui->text, FS_SMALL) + u * 3; /* and a gap above them */
    int col_w = (area.w - 3 * m) / 2, h = area.h - y - hints_h;
    txt_draw(ui->text, FS_BODY, 1, "Moves per partner", m, y, th->text);
    draw_chart(ss, ui,
               (Rect){m, y + txt_line_height(ui->text, FS_BODY) + u / 2, col_w,
                      h - txt_line_height(ui->text, FS_BODY)});
    draw_facts(ss, ui, (Rect){m * 2 + col_w, y, col_w, h});
    static const char *const hints[] = {"Enter", "Back to the title"};
    ui_hints(ui, (Rect){m, 0, area.w - 2 * m, area.h - u}, hints, 1);
}

static void destroy(Screen *s)
{
    SummaryScreen *ss = (SummaryScreen *)s;
    game_destroy(ss->game);
    free(ss);
}

static const ScreenOps ops = {
    .name = "summary", .handle = handle, .draw = draw, .destroy = destroy};

Screen *summary_screen_create(App *app, Game *g)
{
    (void)app;
    SummaryScreen *ss = calloc(1, sizeof *ss);
    if (!ss) {
        game_destroy(g);
        return NULL;
    }
    ss->base.ops = &ops;
    ss->game = g;
    size_t n;
    const Turn *turns = flow_turns(match_flow(g->match), &n);
    session_stats(turns, n, &ss->st);
    return &ss->base;
}
