/* export_html.c: a saved session as one self-contained HTML page for a coach: inline CSS
 * (with a print stylesheet), the moves-per-partner chart as inline SVG (bars told apart by
 * pattern as well as colour, with their numbers and a legend), no scripts, nothing
 * fetched. Every text from the file is HTML-escaped.
 *
 * Depends on: export.c (summary and shared words), game/session, libc. */
#include "game/session/export.h"

#include <stdio.h>
#include <string.h>

#include "version.h"

/* ---- escaping ------------------------------------------------------------------------- */

/* Writes S with & < > " ' as entities; control characters other than tab and newline (not
 * allowed in HTML) become U+FFFD. */
static void esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&':
            fputs("&amp;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        case '\'':
            fputs("&#39;", f);
            break;
        default:
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
                fputs("\xEF\xBF\xBD", f);
            else
                fputc(c, f);
        }
    }
}

/* Points with a sign ("+3", "−4", "0") in a span whose class colours it; the sign carries
 * the meaning for readers who cannot tell the colours apart. */
static void points_span(FILE *f, int p)
{
    const char *cls = p > 0 ? "pos" : p < 0 ? "neg" : "zero";
    if (p < 0)
        fprintf(f, "<span class=\"pts %s\">\xE2\x88\x92%d</span>", cls, -p);
    else
        fprintf(f, "<span class=\"pts %s\">%s%d</span>", cls, p > 0 ? "+" : "", p);
}

static const char *name_of(const Session *s, int player)
{
    return player == 0 || player == 1 ? s->header.players[player] : "Heard";
}

/* ---- the page's head ------------------------------------------------------------------- */

static const char CSS[] =
    ":root{--p0:#1f5a99;--p1:#b4510f;--ink:#1c1c21;--muted:#55555f;--line:#d8d8e0;"
    "--good:#1a6b3a;--bad:#a42a2a;--soft:#f3f3f7}\n"
    "*{box-sizing:border-box}\n"
    "html{background:#e9e9ef}\n"
    "body{margin:0;color:var(--ink);font:16px/1.55 \"Segoe UI\",Roboto,\"Helvetica Neue\","
    "\"DejaVu Sans\",Arial,sans-serif}\n"
    "main{max-width:54rem;margin:2rem auto;padding:2.5rem 3rem;background:#fff;"
    "border-radius:10px;box-shadow:0 1px 4px rgba(0,0,0,.15)}\n"
    ".kicker{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.08em;"
    "text-transform:uppercase}\n"
    "h1{font-size:2rem;line-height:1.2;margin:.2rem 0 .3rem}\n"
    "h2{font-size:1.4rem;margin:2.4rem 0 .8rem;padding-bottom:.3rem;"
    "border-bottom:2px solid var(--line)}\n"
    "h3{font-size:1.1rem;margin:1.8rem 0 .6rem}\n"
    ".sub{margin:0 0 1rem;font-size:1.1rem;color:var(--muted)}\n"
    ".facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1.2rem;margin:0}\n"
    ".facts dt{font-weight:600}.facts dd{margin:0;color:var(--muted)}\n"
    ".scores{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0 1.4rem}\n"
    ".score{flex:1 1 10rem;border:1px solid var(--line);border-top:6px solid var(--ink);"
    "border-radius:8px;padding:.7rem 1rem}\n"
    ".score.p0{border-top-color:var(--p0)}.score.p1{border-top-color:var(--p1)}\n"
    ".score b{display:block;font-size:2.2rem;line-height:1.15}\n"
    ".score small{color:var(--muted)}\n"
    "table{border-collapse:collapse;margin:.4rem 0 1rem;min-width:60%}\n"
    "th,td{padding:.35rem .9rem;border-bottom:1px solid var(--line);text-align:left}\n"
    "thead th{border-bottom:2px solid var(--ink)}\n"
    ".n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "figure{margin:.5rem 0 1rem}\n"
    ".chart svg{display:block;width:100%;max-width:720px;height:auto}\n"
    ".chart text{font-size:14px;fill:var(--ink)}\n"
    ".chart .value{font-weight:700}\n"
    "figcaption{color:var(--muted);font-size:.9rem}\n"
    "blockquote{margin:.35rem 0;padding:.5rem .9rem;background:var(--soft);"
    "border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    ".round h3{margin-top:2rem}\n"
    ".turn{margin:.8rem 0;padding:.15rem 0 .15rem 1rem;border-left:6px solid var(--line)}\n"
    ".turn.p0{border-left-color:var(--p0)}\n"
    ".turn.p1{border-left-color:var(--p1);border-left-style:double}\n"
    ".turn p{margin:0}\n"
    ".num{display:inline-block;min-width:2rem;color:var(--muted);"
    "font-variant-numeric:tabular-nums}\n"
    ".who{font-weight:700}.meta{color:var(--muted)}\n"
    ".note{color:var(--muted);font-style:italic;border-left-style:dotted}\n"
    ".pts{font-weight:700;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    ".pts.pos{color:var(--good)}.pts.neg{color:var(--bad)}.pts.zero{color:var(--muted)}\n"
    ".moves{list-style:none;margin:.4rem 0 0;padding:0;display:grid;"
    "grid-template-columns:max-content max-content 1fr;gap:.25rem .5rem;align-items:baseline}\n"
    ".moves li{display:contents}\n"
    ".tag{font-family:\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:.85em;"
    "background:var(--soft);border:1px solid var(--line);border-radius:4px;"
    "padding:0 .35rem;justify-self:start}\n"
    ".reason{color:var(--muted)}\n"
    "footer{margin-top:2.5rem;padding-top:.8rem;border-top:1px solid var(--line);"
    "color:var(--muted);font-size:.85rem}\n"
    "@media (max-width:40rem){main{margin:0;padding:1.2rem;border-radius:0}}\n"
    "@media print{\n"
    "  @page{margin:15mm}\n"
    "  html{background:#fff}\n"
    "  body{font-size:10.5pt}\n"
    "  main{max-width:none;margin:0;padding:0;box-shadow:none;border-radius:0}\n"
    "  h2,h3{break-after:avoid}\n"
    "  .turn,.score,figure,table,blockquote{break-inside:avoid}\n"
    "  blockquote{background:none;border:1px solid var(--line)}\n"
    "  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "}\n";

static void write_head(FILE *f, const Session *s, const ExportSummary *sum)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>",
          f);
    esc(f, sum->title);
    fputs(": ", f);
    esc(f, s->header.players[0]);
    fputs(" and ", f);
    esc(f, s->header.players[1]);
    fputs(" (Heard)</title>\n<style>\n", f);
    fputs(CSS, f);
    fputs("</style>\n</head>\n<body>\n<main>\n", f);
}

static void write_header(FILE *f, const Session *s, const ExportSummary *sum)
{
    const SessionHeader *h = &s->header;
    char when[64];
    export_when(h->started, when, sizeof when);
    fputs("<header>\n<p class=\"kicker\">Heard session report</p>\n<h1>", f);
    esc(f, sum->title);
    fputs("</h1>\n<p class=\"sub\">", f);
    esc(f, h->players[0]);
    fputs(" and ", f);
    esc(f, h->players[1]);
    fputs(" &middot; ", f);
    esc(f, when); /* from the file: a hand-edited "started" is text like any other */
    fputs("</p>\n<dl class=\"facts\">\n<dt>Scenario</dt><dd>", f);
    esc(f, sum->title);
    fputs(" (", f);
    esc(f, h->scenario_id);
    fputs(")</dd>\n<dt>First to hold the floor</dt><dd>", f);
    esc(f, h->players[h->first]);
    fprintf(f, "</dd>\n<dt>Status</dt><dd>%s</dd>\n",
            s->ended ? "finished" : "stopped before the end");
    fprintf(f, "<dt>Turns</dt><dd>%zu</dd>\n", s->n_turns);
    if (s->undos)
        fprintf(f, "<dt>Answers taken back</dt><dd>%d</dd>\n", s->undos);
    fputs("</dl>\n</header>\n", f);
}

/* ---- the summary ---------------------------------------------------------------------- */

static void write_scores(FILE *f, const Session *s, const ExportSummary *sum)
{
    fprintf(f,
            "<div class=\"scores\">\n<div class=\"score\"><span>Team score</span>"
            "<b>%d</b><small>one score for the couple</small></div>\n",
            sum->stats.team_score);
    for (int p = 0; p < 2; p++) {
        fprintf(f, "<div class=\"score p%d\"><span>", p);
        esc(f, s->header.players[p]);
        fprintf(f, "</span><b>%d</b><small>%d turns &middot; %d moves</small></div>\n",
                sum->stats.points[p], sum->stats.turns[p], sum->stats.moves[p]);
    }
    fputs("</div>\n", f);
}

static void write_partner_table(FILE *f, const Session *s, const ExportSummary *sum)
{
    static const char *const rows[] = {"Points",       "Turns",           "Moves",
                                       "Said it back", "Questions asked", "Next steps offered"};
    const int *cols[] = {sum->stats.points,      sum->stats.turns,     sum->stats.moves,
                         sum->stats.reflections, sum->stats.questions, sum->stats.next_steps};
    fputs("<table>\n<thead><tr><th scope=\"col\"></th>", f);
    for (int p = 0; p < 2; p++) {
        fputs("<th scope=\"col\" class=\"n\">", f);
        esc(f, s->header.players[p]);
        fputs("</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++)
        fprintf(
            f, "<tr><th scope=\"row\">%s</th><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
            rows[r], cols[r][0], cols[r][1]);
    const int(*h)[STATS_RATINGS] = sum->stats.heard;
    fputs("<tr><th scope=\"row\">Listening rated Got it &middot; Partly &middot; Not yet</th>", f);
    for (int p = 0; p < 2; p++)
        fprintf(f, "<td class=\"n\">%d &middot; %d &middot; %d</td>", h[p][0], h[p][1], h[p][2]);
    fputs("</tr>\n<tr><th scope=\"row\">Felt heard when they listened</th>", f);
    for (int p = 0; p < 2; p++) {
        char felt[32];
        fprintf(f, "<td class=\"n\">%s</td>", export_felt_heard(&sum->stats, p, felt, sizeof felt));
    }
    fprintf(f,
            "</tr>\n<tr><th scope=\"row\">Repairs after a slip</th><td class=\"n\">%d</td>"
            "<td class=\"n\">%d</td></tr>\n</tbody>\n</table>\n",
            sum->stats.repairs[0], sum->stats.repairs[1]);
}

/* The two fills: stripes for the first partner, dots for the second, each on its colour. */
static const char SVG_PATTERNS[] =
    "<defs>\n"
    "<pattern id=\"fill-p0\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
    "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#1f5a99\"/>"
    "<rect width=\"3\" height=\"8\" fill=\"#ffffff\" fill-opacity=\"0.45\"/></pattern>\n"
    "<pattern id=\"fill-p1\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"7\" height=\"7\" fill=\"#b4510f\"/>"
    "<circle cx=\"3.5\" cy=\"3.5\" r=\"1.6\" fill=\"#ffffff\" fill-opacity=\"0.6\"/>"
    "</pattern>\n</defs>\n";

static const char *const STROKE[2] = {"#1f5a99", "#b4510f"};

enum {
    CHART_W = 720,
    LABEL_X = 246, /* the moves' names end here: "toaster — your own complaint" fits */
    BAR_X = 256,
    BAR_MAX = 420,
    BAR_H = 16,
    ROW_H = 50,
    CHART_TOP = 44
};

static void chart_legend(FILE *f, const Session *s)
{
    for (int p = 0; p < 2; p++) {
        int x = BAR_X + p * 200;
        fprintf(f,
                "<rect x=\"%d\" y=\"8\" width=\"28\" height=\"%d\" fill=\"url(#fill-p%d)\" "
                "stroke=\"%s\"/><text x=\"%d\" y=\"21\">",
                x, BAR_H, p, STROKE[p], x + 36);
        esc(f, s->header.players[p]);
        fputs("</text>\n", f);
    }
}

static void chart_desc(FILE *f, const Session *s, const ExportSummary *sum)
{
    fputs("<desc id=\"chart-desc\">", f);
    for (int p = 0; p < 2; p++) {
        esc(f, s->header.players[p]);
        fputs(":", f);
        for (int i = 0; i < sum->stats.n_tags; i++) {
            fputs(i ? ", " : " ", f);
            esc(f, sum->stats.tags[i]);
            fprintf(f, " %d", sum->stats.tag_counts[i][p]);
        }
        fputs(p == 0 ? ". " : ".", f);
    }
    fputs("</desc>\n", f);
}

static void write_chart(FILE *f, const Session *s, const ExportSummary *sum)
{
    if (sum->stats.n_tags == 0) {
        fputs("<p>No moves were named in this session.</p>\n", f);
        return;
    }
    int most = 1;
    for (int i = 0; i < sum->stats.n_tags; i++)
        for (int p = 0; p < 2; p++)
            most = sum->stats.tag_counts[i][p] > most ? sum->stats.tag_counts[i][p] : most;
    int height = CHART_TOP + sum->stats.n_tags * ROW_H;
    fprintf(f,
            "<figure class=\"chart\">\n<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
            "role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n"
            "<title id=\"chart-title\">Moves per partner</title>\n",
            CHART_W, height, CHART_W, height);
    chart_desc(f, s, sum);
    fputs(SVG_PATTERNS, f);
    chart_legend(f, s);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1c1c21\"/>\n", BAR_X,
            CHART_TOP - 6, BAR_X, height - 8);
    for (int i = 0; i < sum->stats.n_tags; i++) {
        int y = CHART_TOP + i * ROW_H;
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_X, y + BAR_H + 6);
        esc(f, moves_name(sum->stats.tags[i]));
        fputs("</text>\n", f);
        for (int p = 0; p < 2; p++) {
            int n = sum->stats.tag_counts[i][p], by = y + p * (BAR_H + 3);
            int w = n * BAR_MAX / most;
            fprintf(f,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"url(#fill-p%d)\" "
                    "stroke=\"%s\"/><text class=\"value\" x=\"%d\" y=\"%d\">%d</text>\n",
                    BAR_X, by, w, BAR_H, p, STROKE[p], BAR_X + w + 6, by + BAR_H - 3, n);
        }
    }
    fputs("</svg>\n<figcaption>How many times each partner made each move; striped bars are ", f);
    esc(f, s->header.players[0]);
    fputs("&#39;s, dotted bars are ", f);
    esc(f, s->header.players[1]);
    fputs("&#39;s.</figcaption>\n</figure>\n", f);
}

static void write_moves(FILE *f, const Turn *t)
{
    if (t->moves.count <= 0)
        return;
    fputs("<ul class=\"moves\">\n", f);
    for (int m = 0; m < t->moves.count; m++) {
        const Move *mv = &t->moves.items[m];
        fputs("<li><span class=\"tag\" title=\"", f);
        esc(f, mv->tag); /* the tag, for a coach: the words are what players read */
        fputs("\">", f);
        esc(f, moves_name(mv->tag));
        fputs("</span>", f);
        points_span(f, mv->points);
        fputs(" <span class=\"reason\">", f);
        esc(f, mv->reason);
        fputs("</span></li>\n", f);
    }
    fputs("</ul>\n", f);
}

static void write_best(FILE *f, const Session *s, const ExportSummary *sum)
{
    fputs("<h3>Best saying it back</h3>\n", f);
    if (sum->stats.best_reflection < 0) {
        fputs("<p>Nobody said it back in this session.</p>\n", f);
    } else {
        const Turn *t = &s->turns[sum->stats.best_reflection];
        fputs("<blockquote>", f);
        esc(f, t->text);
        fputs("</blockquote>\n<p>", f);
        esc(f, name_of(s, t->player));
        fprintf(f, ", turn %d (round %d): ", t->n, t->round);
        points_span(f, t->moves.total);
        fputs(" points</p>\n", f);
        write_moves(f, t);
    }
}

/* What the couple takes away: the next steps agreed, and the toasters still parked. */
static void write_takeaway(FILE *f, const Session *s, const ExportSummary *sum)
{
    fputs("<h3>To take away: next steps you agreed</h3>\n", f);
    int steps = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        if (!session_stats_next_step(s->turns, s->n_turns, i))
            continue;
        fputs(steps++ ? "<li><span class=\"who\">" : "<ul>\n<li><span class=\"who\">", f);
        esc(f, name_of(s, s->turns[i].player));
        fprintf(f, "</span> (turn %d, round %d): ", s->turns[i].n, s->turns[i].round);
        esc(f, s->turns[i].text);
        fputs("</li>\n", f);
    }
    fputs(steps ? "</ul>\n" : "<p>None: no next step was agreed in this session.</p>\n", f);
    fputs("<h3>Toasters still parked</h3>\n", f);
    int waiting = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        if (!export_waiting(s, sum, i))
            continue;
        fputs(waiting++ ? "<li><span class=\"who\">" : "<ul>\n<li><span class=\"who\">", f);
        esc(f, name_of(s, s->turns[i].player));
        fprintf(f, "</span> (turn %d, round %d): ", s->turns[i].n, s->turns[i].round);
        esc(f, s->turns[i].text);
        fputs("</li>\n", f);
    }
    if (waiting)
        fputs("</ul>\n", f);
    fputs("<p>", f);
    esc(f, export_toasters_words(&sum->stats));
    fputs("</p>\n", f);
}

static void write_summary(FILE *f, const Session *s, const ExportSummary *sum)
{
    int r = sum->stats.reflections[0] + sum->stats.reflections[1];
    int q = sum->stats.questions[0] + sum->stats.questions[1];
    fputs("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n", f);
    write_scores(f, s, sum);
    write_partner_table(f, s, sum);
    fprintf(f, "<p><strong>Said it back to questions asked:</strong> %d : %d", r, q);
    if (q)
        fprintf(f, " (%.1f times said back per question)</p>\n", (double)r / q);
    else
        fputs(" (no questions asked)</p>\n", f);
    fputs("<h3>Moves per partner</h3>\n", f);
    write_chart(f, s, sum);
    write_best(f, s, sum);
    write_takeaway(f, s, sum);
    fputs("</section>\n", f);
}

/* ---- the transcript ------------------------------------------------------------------- */

static void write_turn(FILE *f, const Session *s, const Turn *t)
{
    if (t->player != 0 && t->player != 1) {
        fprintf(f, "<div class=\"turn note\"><p><span class=\"num\">%d</span>", t->n);
        esc(f, t->text);
        fputs("</p></div>\n", f);
        return;
    }
    int word = strcmp(t->kind, "rated") == 0;
    int rating = word || strcmp(t->kind, "rating") == 0, park = strcmp(t->kind, "park") == 0;
    fprintf(f, "<div class=\"turn p%d\"><p><span class=\"num\">%d</span><span class=\"who\">",
            t->player, t->n);
    esc(f, name_of(s, t->player));
    fprintf(f, "</span> <span class=\"meta\">%s &middot; ", export_role_name(t->role));
    if (rating) {
        fputs(word ? "the partner&#39;s word:</span> <strong>" : "rating:</span> <strong>", f);
        esc(f, export_rating_words(t->text));
        fputs("</strong>", f);
        if (word)
            points_span(f, t->moves.total);
        fputs("</p>\n", f);
        write_moves(f, t);
        fputs("</div>\n", f);
        return;
    }
    esc(f, park ? "parked a toaster" : t->kind);
    fputs(park ? "</span>" : " &middot;</span> ", f);
    if (!park)
        points_span(f, t->moves.total);
    fputs("</p>\n<blockquote>", f);
    esc(f, t->text[0] ? t->text : "(nothing typed)");
    fputs("</blockquote>\n", f);
    write_moves(f, t);
    fputs("</div>\n", f);
}

static void write_transcript(FILE *f, const Session *s)
{
    fputs("<section aria-labelledby=\"transcript\">\n<h2 id=\"transcript\">Transcript</h2>\n", f);
    int round = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        if (s->turns[i].round != round) {
            fputs(round ? "</section>\n" : "", f);
            round = s->turns[i].round;
            fprintf(f, "<section class=\"round\">\n<h3>Round %d</h3>\n", round);
        }
        write_turn(f, s, &s->turns[i]);
    }
    fputs(round ? "</section>\n" : "<p>No turns were recorded.</p>\n", f);
    fputs("</section>\n", f);
}

int export_write_html(const Session *s, const ExportSummary *sum, const char *name, FILE *out)
{
    if (!s || !sum || !out)
        return EXPORT_ERR_ARG;
    write_head(out, s, sum);
    write_header(out, s, sum);
    write_summary(out, s, sum);
    write_transcript(out, s);
    fprintf(out, "<footer>Exported by Heard %s", HEARD_VERSION);
    if (name) {
        fputs(" from ", out);
        esc(out, name);
    }
    fputs(". Recorded with Heard ", out);
    esc(out, s->header.game_version ? s->header.game_version : "?");
    fputs("; rules ", out);
    esc(out, s->header.rules_hash ? s->header.rules_hash : "?");
    fputs(".</footer>\n</main>\n</body>\n</html>\n", out);
    return ferror(out) ? EXPORT_ERR_IO : 0;
}
