/* play_feedback.c: the play screen's panel on what the game saw in the last words scored —
 * each move in the words players read, with its points and why; the partner's word on a
 * reply (Got it, Partly, Not yet) and what it did, with the listening points it withheld
 * struck through, as are those a toaster cancelled; and after a miss, an example of saying
 * it back built from the partner's own words (game/mirror), marked as an example and never
 * scored. Nothing here changes the game.
 *
 * Depends on: game/screens/play_draw.h, game/mirror, game/flow. */
#include <stdio.h>
#include <string.h>

#include "game/mirror/mirror.h"
#include "game/screens/play_draw.h"

static int has(const Turn *t, const char *tag)
{
    for (int i = 0; i < t->moves.count; i++)
        if (strcmp(t->moves.items[i].tag, tag) == 0)
            return 1;
    return 0;
}

/* Whether T is words a player typed and the game scored (not a rating, a park or a note). */
static int scored_words(const Turn *t)
{
    static const char *const not_words[] = {"rating", "rated", "park", "unpark", NULL};
    if (t->player < 0)
        return 0;
    for (const char *const *k = not_words; *k; k++)
        if (strcmp(t->kind, *k) == 0)
            return 0;
    return 1;
}

/* The newest turn of typed words of the round, and its index in *AT; NULL when there is
 * none yet (a new round starts with a clean panel). */
static const Turn *latest_scored(const Flow *f, size_t *at)
{
    for (size_t i = flow_turn_count(f); i > 0 && flow_turn(f, i - 1)->round == flow_round(f); i--)
        if (scored_words(flow_turn(f, i - 1))) {
            *at = i - 1;
            return flow_turn(f, i - 1);
        }
    return NULL;
}

/* The partner's word on the reply at I: the rating that followed it in its round before the
 * listener's next reply ("got_it", "partly", "not_yet"), or NULL; *WORD gets the "rated"
 * turn after the rating (what the word did to the points), or NULL. */
static const Turn *rating_of(const Flow *f, size_t i, const Turn **word)
{
    const Turn *reply = flow_turn(f, i);
    *word = NULL;
    for (size_t j = i + 1; j < flow_turn_count(f); j++) {
        const Turn *t = flow_turn(f, j);
        if (t->round != reply->round ||
            (t->player == reply->player && strcmp(t->kind, "reply") == 0))
            return NULL;
        if (strcmp(t->kind, "rating") == 0) {
            const Turn *next = flow_turn(f, j + 1);
            if (next && strcmp(next->kind, "rated") == 0)
                *word = next;
            return t;
        }
    }
    return NULL;
}

/* ---- the example of saying it back --------------------------------------------------------- */

/* Whether the listener missed in this round: their latest reply earned no reflection that
 * counts (none, or one a toaster cancelled), or the partner said Not yet to it. */
static int missed(const Flow *f, size_t reply)
{
    const Turn *t = flow_turn(f, reply), *word;
    const Turn *rating = rating_of(f, reply, &word);
    if (rating && strcmp(rating->text, "got_it") == 0)
        return 0;
    if (rating && strcmp(rating->text, "not_yet") == 0)
        return 1;
    return !has(t, "reflection") || has(t, MOVE_TOASTER_CANCELS);
}

/* The example to show now into OUT, built from the partner's newest words of the round, once
 * the listener has tried and missed (and the scenario has not switched examples off). Returns
 * 1 when there is one. */
static int example_now(const Flow *f, char *out, size_t size)
{
    if (!flow_scenario(f)->example_reflection)
        return 0;
    size_t n = flow_turn_count(f);
    long reply = -1, words = -1;
    for (size_t i = n; i > 0; i--) {
        const Turn *t = flow_turn(f, i - 1);
        if (t->round != flow_round(f))
            break;
        if (reply < 0 && strcmp(t->kind, "reply") == 0)
            reply = (long)(i - 1);
        if (words < 0 && t->role == ROLE_CUSTOMER && t->player >= 0 &&
            (strcmp(t->kind, "startup") == 0 || strcmp(t->kind, "more") == 0))
            words = (long)(i - 1);
    }
    if (reply < 0 || words < 0 || !missed(f, (size_t)reply))
        return 0;
    return mirror_example(flow_turn(f, (size_t)words)->text, out, size) == 0;
}

/* The example in a box at the bottom of R; returns the height it takes (0: none, or no room
 * for it). DRAW: draw it, else only measure. Where the panel is short (a small window, a
 * large text size, a rating line above it) the example is written smaller, then under a
 * shorter title, before it is left out: after a miss it is what the panel is for. */
static int draw_example(const Ui *ui, const char *example, Rect r, int draw)
{
    static const struct {
        const char *title;
        FontSize size;
    } ways[] = {
        {"An example of saying it back — not scored, try it in your own words:", FS_BODY},
        {"An example of saying it back — not scored, try it in your own words:", FS_SMALL},
        {"An example of saying it back, not scored:", FS_SMALL},
    };
    const Theme *th = &ui->theme;
    int u = ui->unit, w = r.w - 2 * u, h = 0;
    size_t k = 0;
    for (; k < sizeof ways / sizeof ways[0]; k++) {
        const WrapLine *lines;
        h = txt_wrap(ui->text, FS_SMALL, 1, ways[k].title, w, &lines) *
            txt_line_height(ui->text, FS_SMALL);
        h += txt_wrap(ui->text, ways[k].size, 0, example, w, &lines) *
             txt_line_height(ui->text, ways[k].size);
        h += u * 3 / 2;
        if (h <= r.h)
            break;
    }
    if (k == sizeof ways / sizeof ways[0])
        return 0;
    if (!draw)
        return h;
    Rect box = {r.x, r.y + r.h - h, r.w, h};
    ui_fill(ui, box, th->panel);
    ui_outline(ui, box, th->accent, 2);
    int y = box.y + u / 2;
    y += txt_draw_wrapped(ui->text, FS_SMALL, 1, ways[k].title, (Rect){box.x + u, y, w, box.h},
                          th->accent);
    txt_draw_wrapped(ui->text, ways[k].size, 0, example, (Rect){box.x + u, y, w, box.y + h - y},
                     th->text);
    return h;
}

/* ---- the moves ----------------------------------------------------------------------------- */

/* The partner's word on the reply, in a line: "Maya said Not yet — try again", and what it
 * did to the points only when it did something (WORD, the "rated" turn, is NULL when the
 * reply had no listening points to withhold). Returns the height drawn. */
static int draw_word(const Ui *ui, const Flow *f, const Turn *rating, const Turn *word, Rect r)
{
    const Theme *th = &ui->theme;
    char line[300];
    const char *who = flow_name(f, rating->player);
    if (strcmp(rating->text, "got_it") == 0)
        snprintf(line, sizeof line, "%s said Got it: felt heard %+d", who,
                 word ? word->moves.total : 0);
    else if (strcmp(rating->text, "partly") == 0 && word)
        snprintf(line, sizeof line, "%s said Partly: half the listening points count (%+d)", who,
                 word->moves.total);
    else if (strcmp(rating->text, "partly") == 0)
        snprintf(line, sizeof line, "%s said Partly", who);
    else if (word)
        snprintf(line, sizeof line,
                 "%s said not yet — try again: the listening points do not count", who);
    else
        snprintf(line, sizeof line, "%s said not yet — try again", who);
    return txt_draw_wrapped(ui->text, FS_BODY, 1, line, r,
                            strcmp(rating->text, "not_yet") == 0 ? th->bad : th->good) +
           ui->unit / 2;
}

/* A line through the first MOVE_LEN bytes of LINE (the move and its points), drawn wrapped
 * in bold from (X, Y), W wide: on each row, as far as that row's words go, so a wrapped
 * move is struck where it is written and "(does not count)" after it stays readable. */
static void strike(const Ui *ui, const char *line, size_t move_len, int x, int y, int w, Color c)
{
    const WrapLine *lines;
    WrapLine rows[8]; /* copied: measuring a row may replace the wrap cache's array */
    int n = txt_wrap(ui->text, FS_BODY, 1, line, w, &lines);
    n = n < 8 ? n : 8;
    memcpy(rows, lines, (size_t)n * sizeof *rows);
    int lh = txt_line_height(ui->text, FS_BODY);
    for (int r = 0; r < n && rows[r].start < move_len; r++) {
        size_t end =
            rows[r].start + rows[r].len < move_len ? rows[r].start + rows[r].len : move_len;
        char words[160];
        snprintf(words, sizeof words, "%.*s", (int)(end - rows[r].start), line + rows[r].start);
        ui_fill(ui, (Rect){x, y + r * lh + lh / 2, txt_width(ui->text, FS_BODY, 1, words), 2}, c);
    }
}

/* Draws one move at Y (the line, and its reason when REASON is set), struck through when
 * STRUCK; returns its height, or -1 when it does not fit above BOTTOM. DRAW 0 only measures. */
static int draw_move(const Ui *ui, const Move *m, int struck, int reason, int x, int y, int w,
                     int bottom, int draw)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, lh = txt_line_height(ui->text, FS_BODY);
    char line[160];
    snprintf(line, sizeof line, "%s  %s  %+d", play_move_icon(m), moves_name(m->tag), m->points);
    size_t move_len = strlen(line); /* the move and its points: what a strike goes through */
    if (struck)
        snprintf(line + move_len, sizeof line - move_len, "  (does not count)");
    const WrapLine *lines;
    int rows = txt_wrap(ui->text, FS_BODY, 1, line, w, &lines);
    int h = rows * lh + (reason ? txt_wrap(ui->text, FS_SMALL, 0, m->reason, w - u, &lines) *
                                      txt_line_height(ui->text, FS_SMALL)
                                : 0);
    if (y + h > bottom)
        return -1;
    if (!draw)
        return h + u / 2;
    Color c = struck ? th->muted : m->points >= 0 ? th->good : th->bad;
    txt_draw_wrapped(ui->text, FS_BODY, 1, line, (Rect){x, y, w, rows * lh}, c);
    if (struck)
        strike(ui, line, move_len, x, y, w, th->muted);
    if (reason)
        txt_draw_wrapped(ui->text, FS_SMALL, 0, m->reason, (Rect){x + u, y + rows * lh, w - u, h},
                         th->text);
    return h + u / 2;
}

/* T's moves from Y down to BOTTOM; the listening ones struck when WITHHELD. With too little
 * room for every reason, the moves alone (the transcript keeps them all). */
static void draw_moves(const Ui *ui, const Turn *t, int withheld, int x, int y, int w, int bottom)
{
    const Theme *th = &ui->theme;
    int more_h = txt_line_height(ui->text, FS_SMALL);
    int cancelled = has(t, MOVE_TOASTER_CANCELS), reasons = 1, need = y;
    for (int i = 0; i < t->moves.count && need >= 0; i++) {
        int h = draw_move(ui, &t->moves.items[i], 0, 1, x, need, w, bottom, 0);
        need = h < 0 ? -1 : need + h;
    }
    reasons = need >= 0;
    for (int i = 0; i < t->moves.count; i++) {
        const Move *m = &t->moves.items[i];
        int struck = (withheld || cancelled) && moves_group(m->tag) == MOVE_LISTENING;
        int last = i + 1 == t->moves.count;
        int h = draw_move(ui, m, struck, reasons, x, y, w, bottom - (last ? 0 : more_h), 1);
        if (h < 0) { /* no room: say so rather than cut it */
            char more[96];
            snprintf(more, sizeof more, "… %d more in the transcript", t->moves.count - i);
            if (y + more_h <= bottom)
                txt_draw(ui->text, FS_SMALL, 1, more, x, y, th->muted);
            return;
        }
        y += h;
    }
}

/* What the panel is for, before the first reply: in the body size, or in the small one
 * where a large text size leaves the panel too short for it (it is never cut), or not at all
 * where even that does not fit. */
static void draw_empty(const Ui *ui, Rect r)
{
    static const char *const about = "After each reply, the moves the game saw appear here, "
                                     "with their points and why. The one who spoke decides "
                                     "whether they count.";
    static const FontSize sizes[] = {FS_BODY, FS_SMALL};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        const WrapLine *lines;
        int n = txt_wrap(ui->text, sizes[i], 0, about, r.w, &lines);
        if (n * txt_line_height(ui->text, sizes[i]) <= r.h) {
            txt_draw_wrapped(ui->text, sizes[i], 0, about, r, ui->theme.muted);
            return;
        }
    }
}

void play_feedback_draw(const Ui *ui, const Flow *f, const char *warning, Rect box)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, x = box.x + u, w = box.w - 2 * u, y = box.y + u / 2;
    int bottom = box.y + box.h - u / 2;
    ui_fill(ui, box, th->panel_alt);
    if (warning[0])
        y +=
            txt_draw_wrapped(ui->text, FS_SMALL, 1, warning, (Rect){x, y, w, bottom - y}, th->bad) +
            u / 2;
    size_t at = 0;
    const Turn *t = latest_scored(f, &at);
    if (!t) {
        draw_empty(ui, (Rect){x, y, w, bottom - y});
        return;
    }
    char head[160], example[MIRROR_MAX];
    if (t->moves.count > 0) { /* a heading with nothing under it would be an empty line */
        snprintf(head, sizeof head, "What the game saw in %s's words", flow_name(f, t->player));
        y += txt_draw_wrapped(ui->text, FS_BODY, 1, head, (Rect){x, y, w, bottom - y}, th->text) +
             u / 2;
    }
    const Turn *word, *rating = rating_of(f, at, &word);
    if (rating)
        y += draw_word(ui, f, rating, word, (Rect){x, y, w, bottom - y});
    Rect rest = {box.x + u / 2, y, box.w - u, bottom - y};
    int ex_h = example_now(f, example, sizeof example) ? draw_example(ui, example, rest, 0) : 0;
    if (t->moves.count == 0 && t->role == ROLE_CUSTOMER) /* the speaker: nothing to show yet */
        draw_empty(ui, (Rect){x, y, w, bottom - y - (ex_h ? ex_h + u / 2 : 0)});
    else if (t->moves.count == 0) { /* the listener's reply: said, where it fits whole */
        snprintf(head, sizeof head,
                 "No moves recognised in %s's words. That is fine: the one who spoke decides "
                 "whether they felt heard.",
                 flow_name(f, t->player));
        const WrapLine *lines;
        int h =
            txt_wrap(ui->text, FS_BODY, 0, head, w, &lines) * txt_line_height(ui->text, FS_BODY);
        if (y + h <= bottom - (ex_h ? ex_h + u / 2 : 0))
            txt_draw_wrapped(ui->text, FS_BODY, 0, head, (Rect){x, y, w, h}, th->muted);
    }
    int withheld = rating && strcmp(rating->text, "not_yet") == 0 && word;
    draw_moves(ui, t, withheld, x, y, w, bottom - (ex_h ? ex_h + u / 2 : 0));
    if (ex_h)
        draw_example(ui, example, rest, 1);
}
