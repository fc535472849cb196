/* play_draw.c: the play screen's layout and drawing. Nothing here changes the game. */
#include "game/screens/play_draw.h"

#include <stdio.h>
#include <string.h>

#include "engine/sdl/textfield_view.h"
#include "engine/core/utf8.h"

const char *play_move_icon(const Move *m)
{
    if (moves_group(m->tag) == MOVE_SCORING) /* not a move: what the rules of play did */
        return m->points >= 0 ? "★ bonus" : "↓ takes back";
    return m->points >= 0 ? "✔ helps" : "✖ hurts";
}

static const char *role_name(Role r)
{
    return r == ROLE_CUSTOMER ? "customer" : "service agent";
}

/* The moves of ML on one line ("✔ said it back +3   ✖ dig -2"), into OUT (N bytes). Where
 * the next move would not fit in W pixels it starts a new line instead, so a move's name and
 * its points are never split between two lines. */
static void moves_line(const Ui *ui, const MoveList *ml, int w, char *out, size_t n)
{
    size_t len = 0, line = 0; /* line: where the current line starts in OUT */
    out[0] = '\0';
    for (int i = 0; i < ml->count && len + 1 < n; i++) {
        char one[160];
        int scoring = moves_group(ml->items[i].tag) == MOVE_SCORING;
        const char *mark = ml->items[i].points >= 0 ? (scoring ? "★" : "✔") : scoring ? "↓" : "✖";
        snprintf(one, sizeof one, "%s %s %+d", mark, moves_name(ml->items[i].tag),
                 ml->items[i].points);
        const char *sep = "";
        if (i) {
            char trial[512];
            snprintf(trial, sizeof trial, "%s   %s", out + line, one);
            sep = txt_width(ui->text, FS_SMALL, 1, trial) <= w ? "   " : "\n";
        }
        snprintf(out + len, n - len, "%s%s", sep, one);
        if (sep[0] == '\n')
            line = len + 1;
        len += strlen(out + len);
    }
}

/* One transcript entry: who, what they said, the moves (for a rating, those of WORD: what
 * it did to the listener's points, or NULL). Returns its height; draws it when any of it
 * falls between TOP and BOTTOM (the caller clips to that band). */
static int draw_turn(const Ui *ui, const Flow *f, const Turn *t, const Turn *word, int is_parked,
                     int x, int y, int w, int top, int bottom)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, h = 0;
    int lh_s = txt_line_height(ui->text, FS_SMALL);
    char who[160];
    if (t->player < 0)
        snprintf(who, sizeof who, "Note");
    else if (strcmp(t->kind, "rating") == 0)
        snprintf(who, sizeof who, "%s rates the reply", flow_name(f, t->player));
    else
        snprintf(who, sizeof who, "%s · %s · %s%s", flow_name(f, t->player), role_name(t->role),
                 t->kind, is_parked ? " · parked for later" : "");
    const char *text = t->text;
    if (strcmp(t->kind, "rating") == 0)
        text = strcmp(t->text, "got_it") == 0   ? "Got it"
               : strcmp(t->text, "partly") == 0 ? "Partly"
                                                : "Not yet";
    const WrapLine *lines;
    int bold = t->player < 0; /* a note is drawn bold: measure it bold, or it wraps longer */
    int who_lines = txt_wrap(ui->text, FS_SMALL, 1, who, w, &lines); /* a long name wraps */
    int body_lines = txt_wrap(ui->text, FS_BODY, bold, text, w, &lines);
    h = who_lines * lh_s + body_lines * txt_line_height(ui->text, FS_BODY);
    char moves[512];
    const MoveList *ml = word ? &word->moves : &t->moves;
    moves_line(ui, ml, w, moves, sizeof moves);
    int move_lines = moves[0] ? txt_wrap(ui->text, FS_SMALL, 1, moves, w, &lines) : 0;
    h += move_lines * lh_s + u;
    if (y + h > top && y < bottom) { /* only whole lines: none cut by the view's edges */
        Color who_c = t->role == ROLE_CUSTOMER ? th->accent : th->muted;
        int yy = y + ui_draw_whole_lines(ui, FS_SMALL, 1, who, x, y, w, top, bottom, who_c);
        yy += ui_draw_whole_lines(ui, FS_BODY, bold, text, x, yy, w, top, bottom,
                                  t->player < 0 ? th->muted : th->text);
        if (moves[0])
            ui_draw_whole_lines(ui, FS_SMALL, 1, moves, x, yy, w, top, bottom,
                                ml->total >= 0 ? th->good : th->bad);
    }
    return h;
}

/* Whether turn I has an entry of its own in the transcript: a "rated" turn is shown on the
 * rating's line, a "park" on the reply it parked (not the toaster's words a second time),
 * an "unpark" by the note and the startup that follow it. */
static int shown(const Flow *f, size_t i)
{
    const Turn *t = flow_turn(f, i);
    return strcmp(t->kind, "rated") != 0 && strcmp(t->kind, "unpark") != 0 &&
           strcmp(t->kind, "park") != 0;
}

/* Whether the reply at I was parked: the turn after it parks its words. */
static int parked(const Flow *f, size_t i)
{
    const Turn *t = flow_turn(f, i), *next = flow_turn(f, i + 1);
    return next && strcmp(next->kind, "park") == 0 && next->player == t->player &&
           strcmp(next->text, t->text) == 0;
}

/* For a rating at I, the "rated" turn right after it (what the word did), else NULL. */
static const Turn *word_on(const Flow *f, size_t i)
{
    const Turn *t = flow_turn(f, i), *next = flow_turn(f, i + 1);
    if (strcmp(t->kind, "rating") != 0 || !next || strcmp(next->kind, "rated") != 0)
        return NULL;
    return next;
}

/* A mark in the transcript (an answer taken back, in a replay): a muted line, struck
 * through. Returns its height; draws it when it falls between TOP and BOTTOM. */
static int draw_mark(const Ui *ui, const PlayMark *mk, int x, int y, int w, int top, int bottom)
{
    const Theme *th = &ui->theme;
    int lh = txt_line_height(ui->text, FS_SMALL);
    const WrapLine *lines;
    int rows = txt_wrap(ui->text, FS_SMALL, 1, mk->text, w, &lines);
    int h = rows * lh + ui->unit;
    if (y + h > top && y < bottom) {
        ui_draw_whole_lines(ui, FS_SMALL, 1, mk->text, x, y, w, top, bottom, th->muted);
        if (y >= top && y + lh <= bottom) /* the strike goes with its first line */
            ui_fill(ui, (Rect){x, y + lh / 2, w / 3, 1}, th->muted);
    }
    return h;
}

/* Draws (or, with DRAW 0, measures) the transcript's entries from Y: the turns, with the
 * view's marks among them in time order. Returns the height. */
static int draw_entries(const PlayView *v, const Ui *ui, const Flow *f, int x, int y, int w,
                        int top, int bottom, int draw)
{
    size_t n = flow_turn_count(f);
    int start = y, mark = 0;
    if (!draw)
        top = bottom = 0;
    for (size_t i = 0; i < n; i++) {
        const Turn *t = flow_turn(f, i);
        for (; mark < v->nmarks && v->marks[mark].ms < t->ms; mark++)
            y += draw_mark(ui, &v->marks[mark], x, y, w, top, bottom);
        if (shown(f, i))
            y += draw_turn(ui, f, t, word_on(f, i), parked(f, i), x, y, w, top, bottom);
    }
    for (; mark < v->nmarks; mark++)
        y += draw_mark(ui, &v->marks[mark], x, y, w, top, bottom);
    return y - start;
}

static void draw_transcript(PlayView *v, const Ui *ui, const Flow *f, Rect box)
{
    const Theme *th = &ui->theme;
    int u = ui->unit;
    ui_fill(ui, box, th->panel);
    ui_outline(ui, box, th->border, 1);
    int x = box.x + u, w = box.w - 2 * u, top = box.y + u / 2, bottom = box.y + box.h - u / 2;
    int total = draw_entries(v, ui, f, x, 0, w, 0, 0, 0);
    int view_h = bottom - top;
    int max_scroll = total > view_h ? total - view_h : 0;
    if (v->scroll > max_scroll)
        v->scroll = max_scroll;
    int y = top + (total > view_h ? view_h - total : 0) + v->scroll;
    /* scrolled up, "more below" takes the view's last line: no line is drawn under it */
    int more_y = bottom - txt_line_height(ui->text, FS_SMALL) - u / 4;
    ui_clip_scroll(ui, (Rect){box.x, top, box.w, view_h});
    draw_entries(v, ui, f, x, y, w, top, v->scroll > 0 ? more_y : bottom, 1);
    ui_unclip(ui);
    if (flow_turn_count(f) == 0)
        txt_draw_wrapped(ui->text, FS_BODY, 0, "The transcript of this session will appear here.",
                         (Rect){x, top, w, view_h}, th->muted);
    if (v->scroll > 0)
        txt_draw(ui->text, FS_SMALL, 1, "▼ more below (PageDown)", x, more_y, th->accent);
}

/* The band at the top: who acts now and in which role, large; the round; the scores. */
static int draw_header(const Ui *ui, const Flow *f, uint32_t now, uint32_t ask_started, Rect area)
{
    const Theme *th = &ui->theme;
    const FlowAsk *ask = flow_ask(f);
    int u = ui->unit, m = u * 2, y = area.y + m;
    char who[200], score[160], each[200], a[80], b[80];
    snprintf(score, sizeof score, "Team %+d", flow_team_score(f));
    int sw = txt_width(ui->text, FS_TITLE, 1, score);
    txt_draw(ui->text, FS_TITLE, 1, score, area.w - m - sw, y, th->accent);
    int name_w = area.w / 8 > u * 4 ? area.w / 8 : u * 4; /* long names are cut, not the line */
    snprintf(each, sizeof each, "%s %+d · %s %+d",
             ui_ellipsize(ui, FS_SMALL, 0, flow_name(f, 0), name_w, a, sizeof a),
             flow_player_score(f, 0),
             ui_ellipsize(ui, FS_SMALL, 0, flow_name(f, 1), name_w, b, sizeof b),
             flow_player_score(f, 1));
    int ew = txt_width(ui->text, FS_SMALL, 0, each);
    txt_draw(ui->text, FS_SMALL, 0, each, area.w - m - ew, y + txt_line_height(ui->text, FS_TITLE),
             th->muted);
    int left_w = area.w - 3 * m - (sw > ew ? sw : ew);
    char round[200], shown[240];
    snprintf(round, sizeof round, "Round %d of %d · %s", flow_round(f), flow_rounds(f),
             flow_scenario(f)->title);
    txt_draw(ui->text, FS_SMALL, 1,
             ui_ellipsize(ui, FS_SMALL, 1, round, left_w, shown, sizeof shown), m, y, th->muted);
    y += txt_line_height(ui->text, FS_SMALL);
    Color role_c = ask->role == ROLE_CUSTOMER ? th->accent : th->text;
    const char *role = ask->role == ROLE_CUSTOMER ? "Customer (holds the floor)" : "Service agent";
    snprintf(who, sizeof who, "%s — %s", flow_name(f, ask->player), role);
    if (ask->kind == ASK_NONE)
        snprintf(who, sizeof who, "Session complete");
    else if (!ui_text_fits(ui, who, left_w, 2, FS_LARGE, 1)) /* the name is cut, the role kept */
        snprintf(who, sizeof who, "%s — %s",
                 ui_ellipsize(ui, FS_LARGE, 1, flow_name(f, ask->player), left_w, a, sizeof a),
                 role);
    static const FontSize who_sizes[] = {FS_TITLE, FS_LARGE};
    y += ui_text_fit(ui, who, (Rect){m, y, left_w, 0}, 2, who_sizes, 2, 1, role_c, 1);
    static const FontSize ask_sizes[] = {FS_LARGE, FS_BODY};
    if (ask->kind != ASK_NONE)
        y += ui_text_fit(ui, ask->title, (Rect){m, y, area.w - 2 * m, 0}, 2, ask_sizes, 2, 0,
                         th->text, 1);
    int secs = flow_turn_seconds(f);
    if (secs > 0 && ask->kind != ASK_NONE) {
        long left = (long)secs - (long)(now - ask_started) / 1000;
        char timer[64];
        if (left > 0)
            snprintf(timer, sizeof timer, "Time left: %ld:%02ld", left / 60, left % 60);
        else
            snprintf(timer, sizeof timer, "Time is up — finish your thought");
        int tw = txt_width(ui->text, FS_BODY, 1, timer);
        txt_draw(ui->text, FS_BODY, 1, timer, area.w - m - tw,
                 y - txt_line_height(ui->text, FS_BODY), left > 0 ? th->text : th->bad);
    }
    return y + u / 2;
}

/* Lays out (and when DRAW is set, draws) buttons for the choices, wrapping onto more rows;
 * a prompt too long for a row is shortened. Returns the height used. */
static int layout_choices(PlayView *v, const Ui *ui, const FlowAsk *ask, Rect r, int ctrl, int draw)
{
    int u = ui->unit, x = r.x, y = r.y, row_h = txt_line_height(ui->text, FS_BODY) + u;
    if (draw)
        v->nchoices = 0;
    for (int i = 0; i < ask->nchoices && i < FLOW_CHOICES_MAX; i++) {
        char key[16], label[200];
        snprintf(key, sizeof key, "%s%d", ctrl ? "Ctrl+" : "", i + 1);
        snprintf(label, sizeof label, "%s", ask->choices[i]);
        int bw = ui_button_width(ui, key, label);
        for (size_t len = strlen(label); bw > r.w && len > 8;
             bw = ui_button_width(ui, key, label)) {
            /* shorten on a character boundary and mark the cut */
            len = utf8_floor(label, strlen(label), len - 4);
            snprintf(label + len, sizeof label - len, "…");
        }
        if (x > r.x && x + bw > r.x + r.w) {
            x = r.x;
            y += row_h + u / 2;
        }
        if (draw) {
            v->choices[i] = ui_button(ui, x, y, key, label, !ctrl && i == v->selected);
            v->nchoices = i + 1;
        }
        x += bw + u;
    }
    return ask->nchoices ? y - r.y + row_h + u / 2 : 0;
}

static int input_height(PlayView *v, const Ui *ui, const FlowAsk *ask, int w)
{
    int u = ui->unit;
    if (ask->kind == ASK_TEXT) {
        int h = tfv_height_for_lines(ui, 3) + u * 3;
        const WrapLine *lines;
        if (ask->prefill[0] && ask->hint[0]) /* the box is not empty: the hint goes above it */
            h += txt_wrap(ui->text, FS_SMALL, 0, ask->hint, w, &lines) *
                 txt_line_height(ui->text, FS_SMALL);
        if (ask->nchoices)
            h += txt_line_height(ui->text, FS_SMALL) +
                 layout_choices(v, ui, ask, (Rect){0, 0, w, 0}, 1, 0);
        return h;
    }
    const WrapLine *lines;
    int hint = ask->hint[0] ? txt_wrap(ui->text, FS_SMALL, 0, ask->hint, w, &lines) *
                                  txt_line_height(ui->text, FS_SMALL)
                            : 0;
    return hint + layout_choices(v, ui, ask, (Rect){0, 0, w, 0}, 0, 0) + u;
}

static void draw_input(PlayView *v, const Ui *ui, const FlowAsk *ask, const TextField *field,
                       Rect r)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, y = r.y;
    v->nchoices = 0;
    v->field = (Rect){0, 0, 0, 0};
    if (ask->kind == ASK_TEXT) {
        if (ask->prefill[0] && ask->hint[0])
            y += txt_draw_wrapped(ui->text, FS_SMALL, 0, ask->hint, (Rect){r.x, y, r.w, r.h},
                                  th->hint);
        Rect fr = {r.x, y, r.w, tfv_height_for_lines(ui, 3)};
        v->field = fr;
        const char *ph = ask->hint[0] ? ask->hint : "Type here, then press Enter";
        v->caret = tfv_draw(ui, field, fr, ph, 1);
        y += fr.h + u * 2;
        if (ask->nchoices) {
            txt_draw(ui->text, FS_SMALL, 1, "…or pick one:", r.x, y, th->muted);
            y += txt_line_height(ui->text, FS_SMALL);
            layout_choices(v, ui, ask, (Rect){r.x, y, r.w, r.h}, 1, 1);
        }
    } else if (ask->kind != ASK_NONE) {
        if (ask->hint[0])
            y += txt_draw_wrapped(ui->text, FS_SMALL, 0, ask->hint, (Rect){r.x, y, r.w, r.h},
                                  th->muted);
        layout_choices(v, ui, ask, (Rect){r.x, y, r.w, r.h}, 0, 1);
    }
}

static int draw_hints(const Ui *ui, const FlowAsk *ask, Rect r, int draw);

void play_view_draw(PlayView *v, App *app, const Flow *f, const char *warning,
                    const TextField *field, uint32_t ask_started, Rect area)
{
    const Ui *ui = app_ui(app);
    int u = ui->unit, m = u * 2;
    if (!f)
        return;
    const FlowAsk *ask = flow_ask(f);
    int y = draw_header(ui, f, app_now(app), ask_started, area);
    int hints_h = v->replay ? txt_line_height(ui->text, FS_SMALL) + u
                            : draw_hints(ui, ask, (Rect){m, 0, area.w - 2 * m, 0}, 0);
    int in_h = input_height(v, ui, ask, area.w - 2 * m);
    int msg_h = txt_line_height(ui->text, FS_SMALL) + u / 2;
    int mid_h = area.y + area.h - y - in_h - hints_h - msg_h - u;
    int left_w = (area.w - 3 * m) * 55 / 100;
    draw_transcript(v, ui, f, (Rect){m, y, left_w, mid_h});
    play_feedback_draw(ui, f, warning, (Rect){m * 2 + left_w, y, area.w - 3 * m - left_w, mid_h});
    if (v->message[0])
        txt_draw(ui->text, FS_SMALL, 1, v->message, m, y + mid_h + u / 4,
                 v->message_bad ? ui->theme.bad : ui->theme.accent);
    draw_input(v, ui, ask, field, (Rect){m, y + mid_h + msg_h, area.w - 2 * m, in_h});
    if (v->replay)
        return;
    draw_hints(ui, ask, (Rect){m, area.y, area.w - 2 * m, area.h - u / 2}, 1);
}

/* The keys at the foot of the screen, for what the flow asks now: a choice of N shows
 * "1 2" ... up to N, and Enter picks the highlighted one. Returns the height they take (one
 * line or more, as R's width allows); draws them when DRAW is set. */
static int draw_hints(const Ui *ui, const FlowAsk *ask, Rect r, int draw)
{
    char digits[32] = "";
    for (int i = 0; i < ask->nchoices && i < FLOW_CHOICES_MAX; i++)
        snprintf(digits + strlen(digits), sizeof digits - strlen(digits), "%s%d", i ? " " : "",
                 i + 1);
    /* PgUp/PgDn (scroll) are in the help: the line has room for the keys of every turn */
    const char *const text_hints[] = {"Enter", "Send",          "Ctrl+1…", "Pick a prompt",
                                      "Esc",   "Back one step", "F9",      "Time-out",
                                      "F1",    "Help",          "Ctrl+Q",  "Leave"};
    const char *const pick_hints[] = {digits, "Choose",        "Enter",  "Pick the highlighted",
                                      "Esc",  "Back one step", "F9",     "Time-out",
                                      "F1",   "Help",          "Ctrl+Q", "Leave"};
    const char *const type_hints[] = {"Enter",    "Send", "Esc",  "Back one step", "F9",
                                      "Time-out", "F1",   "Help", "Ctrl+Q",        "Leave"};
    const char *const *pairs = ask->kind == ASK_TEXT && ask->nchoices ? text_hints
                               : ask->kind == ASK_TEXT                ? type_hints
                                                                      : pick_hints;
    int n = ask->kind == ASK_TEXT && !ask->nchoices ? 5 : 6;
    if (ask->kind == ASK_NONE)
        return 0;
    if (draw)
        ui_hints(ui, r, pairs, n);
    return ui_hints_height(ui, r.w, pairs, n);
}

void play_view_confirm(App *app, const char *title, const char *line, const char *yes,
                       const char *no, Rect area)
{
    const Ui *ui = app_ui(app);
    const Theme *th = &ui->theme;
    int u = ui->unit, w = area.w * 2 / 3, x = area.x + (area.w - w) / 2;
    const WrapLine *lines;
    int lh = txt_line_height(ui->text, FS_BODY), th_ = txt_line_height(ui->text, FS_LARGE);
    int text_h = txt_wrap(ui->text, FS_BODY, 0, line, w - 4 * u, &lines) * lh;
    int h = u * 2 + th_ + u + text_h + u * 2 + lh + u * 3;
    Rect box = {x, area.y + (area.h - h) / 2, w, h};
    ui_fill(ui, box, th->panel);
    ui_outline(ui, box, th->focus, 3);
    int y = box.y + u * 2;
    txt_draw_wrapped(ui->text, FS_LARGE, 1, title, (Rect){x + 2 * u, y, w - 4 * u, th_}, th->text);
    y += th_ + u;
    y += txt_draw_wrapped(ui->text, FS_BODY, 0, line, (Rect){x + 2 * u, y, w - 4 * u, text_h},
                          th->text) +
         u * 2;
    Rect b = ui_button(ui, x + 2 * u, y, "Enter", yes, 1);
    ui_button(ui, b.x + b.w + u * 2, y, "Esc", no, 0);
}

int play_view_hit(const PlayView *v, int x, int y)
{
    for (int i = 0; i < v->nchoices; i++)
        if (ui_inside(v->choices[i], x, y))
            return i;
    return -1;
}
