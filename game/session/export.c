/* export.c: the summary of a saved session, and its Markdown and plain-text transcripts.
 * The HTML page is in export_html.c.
 *
 * Depends on: game/session, engine/core, libc. */
#include "game/session/export.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/utf8.h"
#include "version.h"

/* ---- shared helpers ------------------------------------------------------------------ */

int export_format_parse(const char *name, ExportFormat *out)
{
    static const struct {
        const char *name;
        ExportFormat format;
    } names[] = {{"md", EXPORT_MARKDOWN},
                 {"markdown", EXPORT_MARKDOWN},
                 {"html", EXPORT_HTML},
                 {"text", EXPORT_TEXT},
                 {"txt", EXPORT_TEXT}};
    for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].format;
            return 0;
        }
    }
    return EXPORT_ERR_ARG;
}

const char *export_role_name(Role role)
{
    return role == ROLE_CUSTOMER ? "customer" : "service agent";
}

const char *export_rating_words(const char *text)
{
    if (strcmp(text, "got_it") == 0)
        return "Got it";
    if (strcmp(text, "partly") == 0)
        return "Partly";
    if (strcmp(text, "not_yet") == 0)
        return "Not yet";
    return text;
}

const char *export_felt_heard(const SessionStats *st, int player, char *buf, size_t size)
{
    int rated, got = session_stats_felt_heard(st, player, &rated);
    if (rated)
        snprintf(buf, size, "%d of %d", got, rated);
    else
        snprintf(buf, size, "not rated");
    return buf;
}

const char *export_toasters_words(const SessionStats *st)
{
    if (st->toasters > st->parked)
        return "A toaster was brought and not parked: bring it up another time, softly, when "
               "you hold the floor.";
    if (st->parked == 0)
        return "No toaster was parked in this session.";
    if (st->parked == st->returned)
        return "None still waits: every parked toaster came back as a startup, so every "
               "grievance had its turn.";
    return "Each still waits for a round of its own.";
}

const char *export_when(const char *started, char *buf, size_t size)
{
    int y, mo, d, h, mi;
    if (sscanf(started, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) == 5)
        snprintf(buf, size, "%04d-%02d-%02d %02d:%02d UTC", y, mo, d, h, mi);
    else
        snprintf(buf, size, "%s", started);
    return buf;
}

int export_waiting(const Session *s, const ExportSummary *sum, size_t i)
{
    return sum->waiting ? sum->waiting[i] : session_stats_waiting(s->turns, s->n_turns, i);
}

static const char *name_of(const Session *s, int player)
{
    return player == 0 || player == 1 ? s->header.players[player] : "Heard";
}

/* "+3", "-4" or "0". */
static const char *signed_points(int p, char *buf, size_t size)
{
    snprintf(buf, size, p ? "%+d" : "%d", p);
    return buf;
}

/* "1 min 40 s" for MS milliseconds. */
static const char *duration(uint32_t ms, char *buf, size_t size)
{
    unsigned s = ms / 1000;
    if (s >= 60)
        snprintf(buf, size, "%u min %u s", s / 60, s % 60);
    else
        snprintf(buf, size, "%u s", s);
    return buf;
}

/* ---- the summary ---------------------------------------------------------------------- */

void export_summarize(const Session *s, ExportSummary *out)
{
    memset(out, 0, sizeof *out);
    const SessionHeader *h = &s->header;
    session_stats(s->turns, s->n_turns, &out->stats);
    /* the title as played, from the header: the stored scenario is never run to read it
     * (a scenario's code could take its whole budget); older files show the id */
    const char *title = h->scenario_title && h->scenario_title[0] ? h->scenario_title
                        : h->scenario_id                          ? h->scenario_id
                                                                  : "?";
    utf8_copy(out->title, sizeof out->title, title);
}

/* ---- Markdown ------------------------------------------------------------------------- */

/* Writes character C, escaped with a backslash when Markdown would read it as markup;
 * other control characters become U+FFFD. */
static void md_char(FILE *f, char c)
{
    if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
    else if ((unsigned char)c < 0x20 || c == 0x7f) {
        fputs("\xEF\xBF\xBD", f);
        return;
    } else if (strchr("\\`*_[]<>|~&#!", c))
        fputc('\\', f);
    fputc(c, f);
}

/* Writes S escaped, on one line (newlines become spaces). */
static void md_inline(FILE *f, const char *s)
{
    for (; *s; s++)
        md_char(f, *s);
}

/* Writes a tag, id or hash in a code span when it is a plain name (letters, digits, '_',
 * '-', '.'), else escaped like any text: what a file holds is never trusted to sit inside
 * markup. */
static void md_code(FILE *f, const char *s)
{
    int plain = *s != '\0';
    for (const char *p = s; *p && plain; p++)
        plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                *p == '_' || *p == '-' || *p == '.';
    if (!plain) {
        md_inline(f, s);
        return;
    }
    fprintf(f, "`%s`", s);
}

/* Writes one line of N bytes at P as a quoted line, escaping what would start a list or a
 * heading, and dropping indentation (which would start code). */
static void md_quote_line(FILE *f, const char *p, size_t n)
{
    while (n > 0 && (*p == ' ' || *p == '\t')) {
        p++;
        n--;
    }
    fputs("> ", f);
    size_t digits = 0;
    while (digits < n && p[digits] >= '0' && p[digits] <= '9')
        digits++;
    if (n > 0 && strchr("+-=", *p))
        fputc('\\', f);
    for (size_t i = 0; i < n; i++) {
        if (digits > 0 && i == digits && (p[i] == '.' || p[i] == ')'))
            fputc('\\', f); /* "1." would start a numbered list */
        md_char(f, p[i]);
    }
}

/* Writes TEXT as a block quote, keeping its line breaks (a backslash at the end of a line
 * is a hard break in GitHub Markdown). */
static void md_quote(FILE *f, const char *text)
{
    const char *p = text;
    do {
        size_t n = strcspn(p, "\n");
        md_quote_line(f, p, n);
        p += n;
        fputs(*p == '\n' && p[1] ? "\\\n" : "\n", f);
    } while (*p == '\n' && *++p);
}

static void md_header(FILE *f, const Session *s, const ExportSummary *sum)
{
    const SessionHeader *h = &s->header;
    char when[64], len[32];
    fputs("# ", f);
    md_inline(f, sum->title);
    fputs(": ", f);
    md_inline(f, h->players[0]);
    fputs(" and ", f);
    md_inline(f, h->players[1]);
    fputs("\n\n- **Scenario:** ", f);
    md_inline(f, sum->title);
    fputs(" (", f);
    md_code(f, h->scenario_id);
    fputs(")\n", f);
    fputs("- **Played:** ", f);
    md_inline(f, export_when(h->started, when, sizeof when)); /* a hand-edited file's text */
    fprintf(f, ", %s\n",
            duration(s->end_ms    ? s->end_ms
                     : s->n_turns ? s->turns[s->n_turns - 1].ms
                                  : 0,
                     len, sizeof len));
    fputs("- **Players:** ", f);
    md_inline(f, h->players[0]);
    fputs(" and ", f);
    md_inline(f, h->players[1]);
    fputs("; ", f);
    md_inline(f, h->players[h->first]);
    fputs(" held the floor first\n", f);
    fprintf(f, "- **Status:** %s\n", s->ended ? "finished" : "stopped before the end");
    if (s->undos)
        fprintf(f, "- **Answers taken back:** %d\n", s->undos);
    fputs("\n", f);
}

static void md_partner_table(FILE *f, const Session *s, const ExportSummary *sum)
{
    fputs("| | ", f);
    md_inline(f, s->header.players[0]);
    fputs(" | ", f);
    md_inline(f, s->header.players[1]);
    fputs(" |\n|---|---:|---:|\n", f);
    fprintf(f, "| Points | %d | %d |\n", sum->stats.points[0], sum->stats.points[1]);
    fprintf(f, "| Turns | %d | %d |\n", sum->stats.turns[0], sum->stats.turns[1]);
    fprintf(f, "| Moves | %d | %d |\n", sum->stats.moves[0], sum->stats.moves[1]);
    fprintf(f, "| Said it back | %d | %d |\n", sum->stats.reflections[0],
            sum->stats.reflections[1]);
    fprintf(f, "| Questions asked | %d | %d |\n", sum->stats.questions[0], sum->stats.questions[1]);
    fprintf(f, "| Next steps offered | %d | %d |\n", sum->stats.next_steps[0],
            sum->stats.next_steps[1]);
    const int(*h)[STATS_RATINGS] = sum->stats.heard;
    fprintf(f, "| Listening rated Got it · Partly · Not yet | %d · %d · %d | %d · %d · %d |\n",
            h[0][0], h[0][1], h[0][2], h[1][0], h[1][1], h[1][2]);
    char a[32], b[32];
    fprintf(f, "| Felt heard when they listened | %s | %s |\n",
            export_felt_heard(&sum->stats, 0, a, sizeof a),
            export_felt_heard(&sum->stats, 1, b, sizeof b));
    fprintf(f, "| Repairs after a slip | %d | %d |\n\n", sum->stats.repairs[0],
            sum->stats.repairs[1]);
}

/* "3 : 1 (3.0 times said back per question)" or "3 : 0 (no questions)". */
static const char *ratio_words(const ExportSummary *sum, char *buf, size_t size)
{
    int r = sum->stats.reflections[0] + sum->stats.reflections[1];
    int q = sum->stats.questions[0] + sum->stats.questions[1];
    if (q == 0)
        snprintf(buf, size, "%d : 0 (no questions asked)", r);
    else
        snprintf(buf, size, "%d : %d (%.1f times said back per question)", r, q, (double)r / q);
    return buf;
}

/* "reflection +3, check +2 (5 points)" for turn T, in plain text. */
static void moves_line(FILE *f, const Turn *t, void (*text)(FILE *, const char *))
{
    char pts[16];
    for (int m = 0; m < t->moves.count; m++) {
        fputs(m ? ", " : "", f);
        text(f, moves_name(t->moves.items[m].tag));
        fprintf(f, " %s", signed_points(t->moves.items[m].points, pts, sizeof pts));
    }
    fprintf(f, " (%s points)", signed_points(t->moves.total, pts, sizeof pts));
}

static void md_takeaway(FILE *f, const Session *s, const ExportSummary *sum);

static void md_summary(FILE *f, const Session *s, const ExportSummary *sum)
{
    char ratio[96];
    fprintf(f, "## Summary\n\n**Team score: %d**\n\n", sum->stats.team_score);
    md_partner_table(f, s, sum);
    fprintf(f, "**Said it back to questions asked:** %s\n\n",
            ratio_words(sum, ratio, sizeof ratio));
    fputs("### Moves per partner\n\n", f);
    if (sum->stats.n_tags == 0)
        fputs("No moves were named in this session.\n\n", f);
    else {
        fputs("| Move | ", f);
        md_inline(f, s->header.players[0]);
        fputs(" | ", f);
        md_inline(f, s->header.players[1]);
        fputs(" |\n|---|---:|---:|\n", f);
        for (int i = 0; i < sum->stats.n_tags; i++) {
            fputs("| ", f);
            md_inline(f, moves_name(sum->stats.tags[i]));
            fprintf(f, " | %d | %d |\n", sum->stats.tag_counts[i][0], sum->stats.tag_counts[i][1]);
        }
        fputs("\n", f);
    }
    fputs("### Best saying it back\n\n", f);
    if (sum->stats.best_reflection < 0)
        fputs("Nobody said it back in this session.\n\n", f);
    else {
        const Turn *t = &s->turns[sum->stats.best_reflection];
        md_quote(f, t->text);
        fputs("\n", f);
        md_inline(f, name_of(s, t->player));
        fprintf(f, ", turn %d (round %d): ", t->n, t->round);
        moves_line(f, t, md_inline);
        fputs("\n\n", f);
    }
    md_takeaway(f, s, sum);
}

/* What the couple takes away: the next steps agreed, and the toasters still parked. */
static void md_takeaway(FILE *f, const Session *s, const ExportSummary *sum)
{
    fputs("## To take away\n\n### Next steps you agreed\n\n", f);
    int steps = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        if (!session_stats_next_step(s->turns, s->n_turns, i))
            continue;
        fputs("- ", f);
        md_inline(f, name_of(s, s->turns[i].player));
        fprintf(f, " (turn %d, round %d): ", s->turns[i].n, s->turns[i].round);
        md_inline(f, s->turns[i].text);
        fputs("\n", f);
        steps++;
    }
    fputs(steps ? "\n" : "None: no next step was agreed in this session.\n\n", f);
    fputs("### Toasters still parked\n\n", f);
    int waiting = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        if (!export_waiting(s, sum, i))
            continue;
        fputs("- ", f);
        md_inline(f, name_of(s, s->turns[i].player));
        fprintf(f, " (turn %d, round %d): ", s->turns[i].n, s->turns[i].round);
        md_inline(f, s->turns[i].text);
        fputs("\n", f);
        waiting++;
    }
    if (waiting)
        fputs("\n", f);
    fprintf(f, "%s\n\n", export_toasters_words(&sum->stats));
}

/* T's moves, one item each: tag, points, reason. */
static void md_moves(FILE *f, const Turn *t)
{
    char pts[16];
    for (int m = 0; m < t->moves.count; m++) {
        const Move *mv = &t->moves.items[m];
        fputs("- ", f);
        md_inline(f, moves_name(mv->tag));
        fprintf(f, " %s: ", signed_points(mv->points, pts, sizeof pts));
        md_inline(f, mv->reason);
        fputs("\n", f);
    }
    if (t->moves.count)
        fputs("\n", f);
}

static void md_turn(FILE *f, const Session *s, const Turn *t)
{
    char pts[16];
    if (t->player < 0) {
        fprintf(f, "**%d.** _", t->n);
        md_inline(f, t->text);
        fputs("_\n\n", f);
        return;
    }
    fprintf(f, "**%d. ", t->n);
    md_inline(f, name_of(s, t->player));
    fprintf(f, "** · %s · ", export_role_name(t->role));
    if (strcmp(t->kind, "rating") == 0) {
        fputs("rating: **", f);
        md_inline(f, export_rating_words(t->text));
        fputs("**\n\n", f);
        return;
    }
    if (strcmp(t->kind, "rated") == 0) {
        fputs("the partner's word: **", f);
        md_inline(f, export_rating_words(t->text));
        fprintf(f, "** · %s %s\n\n", signed_points(t->moves.total, pts, sizeof pts),
                t->moves.total == 1 || t->moves.total == -1 ? "point" : "points");
        md_moves(f, t);
        return;
    }
    if (strcmp(t->kind, "park") == 0)
        fputs("parked a toaster\n\n", f);
    else {
        md_inline(f, t->kind);
        fprintf(f, " · %s %s\n\n", signed_points(t->moves.total, pts, sizeof pts),
                t->moves.total == 1 || t->moves.total == -1 ? "point" : "points");
    }
    md_quote(f, t->text[0] ? t->text : "(nothing typed)");
    fputs("\n", f);
    md_moves(f, t);
}

static void write_markdown(const Session *s, const ExportSummary *sum, const char *name, FILE *f)
{
    md_header(f, s, sum);
    md_summary(f, s, sum);
    fputs("## Transcript\n\n", f);
    int round = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        if (s->turns[i].round != round) {
            round = s->turns[i].round;
            fprintf(f, "### Round %d\n\n", round);
        }
        md_turn(f, s, &s->turns[i]);
    }
    if (s->n_turns == 0)
        fputs("No turns were recorded.\n\n", f);
    fputs("---\n\n", f);
    fprintf(f, "Exported by Heard %s", HEARD_VERSION);
    if (name) {
        fputs(" from ", f);
        md_inline(f, name);
    }
    fputs(". Recorded with Heard ", f);
    md_inline(f, s->header.game_version ? s->header.game_version : "?");
    fputs("; rules ", f);
    md_code(f, s->header.rules_hash ? s->header.rules_hash : "?");
    fputs(".\n", f);
}

/* ---- plain text ----------------------------------------------------------------------- */

/* Writes N bytes of S for a terminal: control characters (C0 but line breaks and tabs when
 * KEEP_LINES, DEL, C1) become U+FFFD, so a text from the file can neither move the cursor,
 * recolour the terminal nor fake a line; without KEEP_LINES, line breaks and tabs are
 * spaces. */
static void text_chars(FILE *f, const char *s, size_t n, int keep_lines)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\t' || c == '\r')
            fputc(keep_lines && c != '\r' ? c : ' ', f);
        else if (c < 0x20 || c == 0x7f)
            fputs("\xEF\xBF\xBD", f);
        else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                 (unsigned char)s[i + 1] <= 0x9F) { /* U+0080..U+009F, the C1 controls */
            fputs("\xEF\xBF\xBD", f);
            i++;
        } else
            fputc(c, f);
    }
}

/* Writes S on one line, for a terminal (text_chars). */
static void tx(FILE *f, const char *s)
{
    text_chars(f, s, strlen(s), 0);
}

/* Writes TEXT indented by INDENT spaces on every line. */
static void text_block(FILE *f, const char *text, int indent)
{
    const char *p = text;
    do {
        size_t n = strcspn(p, "\n");
        fprintf(f, "%*s", indent, "");
        text_chars(f, p, n, 0);
        fputc('\n', f);
        p += n;
    } while (*p == '\n' && *++p);
}

static void text_turn(FILE *f, const Session *s, const Turn *t)
{
    char pts[16];
    if (t->player < 0) {
        fprintf(f, "%4d  ", t->n);
        tx(f, t->text);
        fputc('\n', f);
        return;
    }
    fprintf(f, "%4d  ", t->n);
    tx(f, name_of(s, t->player));
    fprintf(f, ", %s, ", export_role_name(t->role));
    int rating = strcmp(t->kind, "rating") == 0 || strcmp(t->kind, "rated") == 0;
    if (rating) {
        fputs(strcmp(t->kind, "rated") == 0 ? "the partner's word: " : "rating: ", f);
        tx(f, export_rating_words(t->text));
        fprintf(f, "  %s\n", signed_points(t->moves.total, pts, sizeof pts));
    } else if (strcmp(t->kind, "park") == 0) {
        fputs("parked a toaster\n", f);
    } else {
        tx(f, t->kind);
        fprintf(f, "  %s\n", signed_points(t->moves.total, pts, sizeof pts));
    }
    if (!rating)
        text_block(f, t->text[0] ? t->text : "(nothing typed)", 8);
    for (int m = 0; m < t->moves.count; m++) {
        const Move *mv = &t->moves.items[m];
        fputs("          ", f);
        tx(f, moves_name(mv->tag));
        fprintf(f, " %s  ", signed_points(mv->points, pts, sizeof pts));
        tx(f, mv->reason);
        fputc('\n', f);
    }
}

static void text_summary(FILE *f, const Session *s, const ExportSummary *sum)
{
    char ratio[96];
    fprintf(f, "\nTeam score %d: ", sum->stats.team_score);
    tx(f, s->header.players[0]);
    fprintf(f, " %d, ", sum->stats.points[0]);
    tx(f, s->header.players[1]);
    fprintf(f, " %d\n", sum->stats.points[1]);
    for (int p = 0; p < 2; p++) {
        fputs("Moves by ", f);
        tx(f, s->header.players[p]);
        fputc(':', f);
        int any = 0;
        for (int i = 0; i < sum->stats.n_tags; i++)
            if (sum->stats.tag_counts[i][p]) {
                fputs(any ? ", " : " ", f);
                tx(f, moves_name(sum->stats.tags[i]));
                fprintf(f, " %d", sum->stats.tag_counts[i][p]);
                any = 1;
            }
        fputs(any ? "\n" : " none\n", f);
    }
    fprintf(f, "Said it back to questions asked: %s\n", ratio_words(sum, ratio, sizeof ratio));
    const int(*h)[STATS_RATINGS] = sum->stats.heard;
    for (int p = 0; p < 2; p++) {
        tx(f, s->header.players[p]);
        fprintf(f, " listened: rated Got it %d, Partly %d, Not yet %d; next steps offered %d\n",
                h[p][0], h[p][1], h[p][2], sum->stats.next_steps[p]);
    }
    if (sum->stats.best_reflection >= 0) {
        const Turn *t = &s->turns[sum->stats.best_reflection];
        fputs("Best saying it back: ", f);
        tx(f, name_of(s, t->player));
        fprintf(f, ", turn %d: ", t->n);
        moves_line(f, t, tx);
        fputs("\n", f);
        text_block(f, t->text, 2);
    }
    for (int p = 0; p < 2; p++) {
        char felt[32];
        fputs("Felt heard when ", f);
        tx(f, s->header.players[p]);
        fprintf(f, " listened: %s\n", export_felt_heard(&sum->stats, p, felt, sizeof felt));
    }
    fputs("To take away:\n", f);
    for (size_t i = 0; i < s->n_turns; i++)
        if (session_stats_next_step(s->turns, s->n_turns, i)) {
            fputs("  Next step, ", f);
            tx(f, name_of(s, s->turns[i].player));
            fprintf(f, " (turn %d): ", s->turns[i].n);
            tx(f, s->turns[i].text);
            fputc('\n', f);
        }
    fprintf(f, "Parked toasters still waiting: %d\n", (sum->stats.parked - sum->stats.returned));
    for (size_t i = 0; i < s->n_turns; i++)
        if (export_waiting(s, sum, i)) {
            fputs("  ", f);
            tx(f, name_of(s, s->turns[i].player));
            fprintf(f, " (turn %d): ", s->turns[i].n);
            tx(f, s->turns[i].text);
            fputc('\n', f);
        }
    fprintf(f, "%s\n", export_toasters_words(&sum->stats));
}

static void write_text(const Session *s, const ExportSummary *sum, FILE *f)
{
    const SessionHeader *h = &s->header;
    char when[64];
    tx(f, sum->title);
    fputs(" (", f);
    tx(f, h->scenario_id);
    fputs("): ", f);
    tx(f, h->players[0]);
    fputs(" and ", f);
    tx(f, h->players[1]);
    fputs(", ", f);
    tx(f, export_when(h->started, when, sizeof when));
    fprintf(f, ", %s\n", s->ended ? "finished" : "stopped before the end");
    int round = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        if (s->turns[i].round != round) {
            round = s->turns[i].round;
            fprintf(f, "\nRound %d\n", round);
        }
        text_turn(f, s, &s->turns[i]);
    }
    text_summary(f, s, sum);
}

/* ---- entry ---------------------------------------------------------------------------- */

int export_write(const Session *s, ExportFormat format, const char *name, FILE *out)
{
    if (!s || !out)
        return EXPORT_ERR_ARG;
    ExportSummary summary;
    ExportSummary *sum = &summary;
    export_summarize(s, sum);
    unsigned char *waiting = s->n_turns ? malloc(s->n_turns) : NULL;
    if (waiting && session_stats_waiting_marks(s->turns, s->n_turns, waiting) == 0)
        sum->waiting = waiting; /* once for every turn: each park asked alone is quadratic */
    int rc = 0;
    switch (format) {
    case EXPORT_MARKDOWN:
        write_markdown(s, sum, name, out);
        break;
    case EXPORT_HTML:
        rc = export_write_html(s, sum, name, out);
        break;
    case EXPORT_TEXT:
        write_text(s, sum, out);
        break;
    default:
        rc = EXPORT_ERR_ARG;
    }
    free(waiting);
    if (rc == 0 && (fflush(out) != 0 || ferror(out)))
        rc = EXPORT_ERR_IO;
    return rc;
}
