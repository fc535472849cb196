/* cmd_eval.c: `heard eval DATA.csv [--json] [--errors N]` runs the game's analyser and rules
 * over labelled rows (id,context,reply,labels) and prints precision, recall and F1 per tag
 * with micro and macro averages. An empty context means a startup (the customer speaks).
 * The tag "question" (never shown to players) is a reply that asks: a sentence that is a
 * question in form, or any '?' on a statement but a bare "Yeah?" (rules_asks): a statement
 * about the partner put to them with a '?' ("So you think it began four years ago?") asks
 * them to confirm, and is also reflection and question_closed for players (LABELS.md). The
 * older reading, any question_open/question_closed move, is reported beside it as
 * "question as moves".
 * reflection_simple/reflection_complex are sub-kinds the rules do not split, so they are
 * listed as not scored. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "game/analysis/an_csv.h"
#include "game/cli/commands.h"
#include "game/cli/root.h"
#include "game/rules/rules.h"

#define TAGS_MAX 48

typedef struct TagStat {
    char name[MOVE_TAG_MAX];
    int tp, fp, fn;
    char **errors; /* up to max_errors lines */
    int nerrors;
} TagStat;

typedef struct Eval {
    TagStat tags[TAGS_MAX];
    int ntags, rows, bad_rows, max_errors;
    int reflection_rows, hurt_on_reflection; /* rows labelled reflection; of them, flagged as
                                              * counter_complaint, defensive or criticism */
    int cols[4];                             /* id, context, reply, labels */
    int qm_tp, qm_fp, qm_fn; /* "question" read as any question_open/question_closed move */
} Eval;

static const char *const UNSCORED[] = {"reflection_simple", "reflection_complex"};

static int unscored(const char *tag)
{
    return strcmp(tag, UNSCORED[0]) == 0 || strcmp(tag, UNSCORED[1]) == 0;
}

static TagStat *tag_of(Eval *e, const char *name)
{
    for (int i = 0; i < e->ntags; i++)
        if (strcmp(e->tags[i].name, name) == 0)
            return &e->tags[i];
    if (e->ntags == TAGS_MAX || strlen(name) >= MOVE_TAG_MAX)
        return NULL;
    TagStat *t = &e->tags[e->ntags++];
    memset(t, 0, sizeof *t);
    snprintf(t->name, sizeof t->name, "%s", name);
    return t;
}

static void note_error(Eval *e, TagStat *t, const char *kind, const char *id, const char *reply,
                       const char *gold, const char *pred)
{
    if (t->nerrors >= e->max_errors)
        return;
    if (!t->errors && !(t->errors = calloc((size_t)e->max_errors, sizeof(char *))))
        return;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s %s: \"%.300s\" gold=[%s] got=[%s]", kind, id, reply, gold, pred);
    t->errors[t->nerrors] = strdup(buf);
    if (t->errors[t->nerrors])
        t->nerrors++;
}

static void count_row(Eval *e, const char *id, const char *reply, const char *gold,
                      const char *pred)
{
    /* every tag named on either side */
    for (int side = 0; side < 2; side++) {
        const char *list = side ? pred : gold;
        char tag[MOVE_TAG_MAX];
        for (const char *p = list; *p;) {
            const char *x = strchr(p, '|');
            size_t k = x ? (size_t)(x - p) : strlen(p);
            if (k > 0 && k < sizeof tag) {
                memcpy(tag, p, k);
                tag[k] = '\0';
                if (!unscored(tag))
                    tag_of(e, tag);
            }
            p += k + (x ? 1 : 0);
        }
    }
    if (an_labels_has(gold, "reflection")) {
        e->reflection_rows++;
        e->hurt_on_reflection += an_labels_has(pred, "counter_complaint") ||
                                 an_labels_has(pred, "defensive") ||
                                 an_labels_has(pred, "criticism");
    }
    for (int i = 0; i < e->ntags; i++) {
        TagStat *t = &e->tags[i];
        int g = an_labels_has(gold, t->name), p = an_labels_has(pred, t->name);
        t->tp += g && p;
        t->fp += !g && p;
        t->fn += g && !p;
        if (g != p)
            note_error(e, t, p ? "FP" : "FN", id, reply, gold, pred);
    }
}

/* Fills OUT with the moves and, when the reply asks, "question"; *QMOVES says whether a
 * question_open/question_closed move was among them. */
static void predict(Rules *r, const char *context, const char *reply, char *out, size_t cap,
                    int *qmoves)
{
    MoveList ml;
    ScriptError err;
    out[0] = '\0';
    *qmoves = 0;
    Role role = *context ? ROLE_AGENT : ROLE_CUSTOMER;
    if (rules_score(r, context, reply, role, &ml, &err) != 0) {
        fprintf(stderr, "heard eval: %s\n", err.message);
        return;
    }
    for (int i = 0; i < ml.count; i++) {
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%s", n ? "|" : "", ml.items[i].tag);
        *qmoves |= strncmp(ml.items[i].tag, "question_", 9) == 0;
    }
    if (rules_asks(r, context, reply) > 0) {
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%squestion", n ? "|" : "");
    }
}

static int find_columns(Eval *e, const AnCsvRow *row)
{
    static const char *const NAMES[] = {"id", "context", "reply", "labels"};
    for (int k = 0; k < 4; k++) {
        e->cols[k] = -1;
        for (int i = 0; i < row->count; i++)
            if (strcmp(row->fields[i], NAMES[k]) == 0)
                e->cols[k] = i;
        if (e->cols[k] < 0 && k > 0)
            return -1;
    }
    return 0;
}

static void progress(int done, int line)
{
    (void)line;
    if (done % 50 == 0)
        fprintf(stderr, "\r%d rows", done);
}

static int run_file(Eval *e, Rules *r, const char *path)
{
    AnCsv *c = an_csv_open(path);
    if (!c) {
        fprintf(stderr, "heard eval: cannot read %s\n", path);
        return -1;
    }
    AnCsvRow row;
    int rc, header = 1, tty = isatty(2);
    char pred[512];
    while ((rc = an_csv_next(c, &row)) != 0) {
        if (rc < 0) {
            fprintf(stderr, "%s:%d: malformed CSV row skipped\n", path, row.line);
            e->bad_rows++;
            continue;
        }
        if (header) {
            header = 0;
            if (find_columns(e, &row) < 0) {
                fprintf(stderr, "%s:%d: header must name context, reply and labels\n", path,
                        row.line);
                an_csv_close(c);
                return -1;
            }
            continue;
        }
        if (row.count == 1 && row.fields[0][0] == '\0')
            continue;
        int maxc = e->cols[1] > e->cols[2] ? e->cols[1] : e->cols[2];
        maxc = maxc > e->cols[3] ? maxc : e->cols[3];
        if (row.count <= maxc) {
            fprintf(stderr, "%s:%d: row has %d fields, expected %d; skipped\n", path, row.line,
                    row.count, maxc + 1);
            e->bad_rows++;
            continue;
        }
        const char *id = e->cols[0] >= 0 ? row.fields[e->cols[0]] : "?";
        int qmoves, gq = an_labels_has(row.fields[e->cols[3]], "question");
        predict(r, row.fields[e->cols[1]], row.fields[e->cols[2]], pred, sizeof pred, &qmoves);
        count_row(e, id, row.fields[e->cols[2]], row.fields[e->cols[3]], pred);
        e->qm_tp += gq && qmoves;
        e->qm_fp += !gq && qmoves;
        e->qm_fn += gq && !qmoves;
        e->rows++;
        if (tty)
            progress(e->rows, row.line);
    }
    if (tty)
        fprintf(stderr, "\r%d rows\n", e->rows);
    an_csv_close(c);
    return 0;
}

static double ratio(int a, int b)
{
    return b ? (double)a / b : 0.0;
}

static void prf(int tp, int fp, int fn, double *p, double *r, double *f)
{
    *p = ratio(tp, tp + fp);
    *r = ratio(tp, tp + fn);
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static json_t *stat_json(int tp, int fp, int fn, double p, double r, double f)
{
    return json_pack("{s:i, s:i, s:i, s:f, s:f, s:f}", "tp", tp, "fp", fp, "fn", fn, "precision", p,
                     "recall", r, "f1", f);
}

static void report(const Eval *e, int json)
{
    int TP = 0, FP = 0, FN = 0, nmac = 0;
    double mp = 0, mr = 0, mf = 0, p, r, f;
    json_t *tags = json_object();
    if (!json)
        printf("%-18s %5s %5s %5s %9s %7s %6s\n", "tag", "tp", "fp", "fn", "precision", "recall",
               "f1");
    json_t *extra = json_object();
    for (int i = 0; i < e->ntags; i++) {
        const TagStat *t = &e->tags[i];
        if (t->tp + t->fn == 0) { /* never labelled in this data: listed apart */
            json_object_set_new(extra, t->name, json_integer(t->fp));
            continue;
        }
        prf(t->tp, t->fp, t->fn, &p, &r, &f);
        TP += t->tp, FP += t->fp, FN += t->fn;
        mp += p, mr += r, mf += f, nmac++;
        if (json)
            json_object_set_new(tags, t->name, stat_json(t->tp, t->fp, t->fn, p, r, f));
        else
            printf("%-18s %5d %5d %5d %9.3f %7.3f %6.3f\n", t->name, t->tp, t->fp, t->fn, p, r, f);
    }
    double Mp, Mr, Mf, qp, qr, qf;
    prf(TP, FP, FN, &Mp, &Mr, &Mf);
    prf(e->qm_tp, e->qm_fp, e->qm_fn, &qp, &qr, &qf);
    int q_labelled = e->qm_tp + e->qm_fn > 0;
    if (nmac)
        mp /= nmac, mr /= nmac, mf /= nmac;
    if (json) {
        json_t *o = json_pack(
            "{s:i, s:i, s:o, s:o, s:o, s:o, s:{s:i, s:i, s:f}}", "rows", e->rows, "skipped",
            e->bad_rows, "tags", tags, "micro", stat_json(TP, FP, FN, Mp, Mr, Mf), "macro",
            json_pack("{s:f, s:f, s:f}", "precision", mp, "recall", mr, "f1", mf), "unlabelled",
            extra, "hurt_on_reflection", "rows", e->reflection_rows, "fired", e->hurt_on_reflection,
            "rate", ratio(e->hurt_on_reflection, e->reflection_rows));
        if (q_labelled)
            json_object_set_new(o, "question_as_moves",
                                stat_json(e->qm_tp, e->qm_fp, e->qm_fn, qp, qr, qf));
        char *s = json_dumps(o, JSON_INDENT(2));
        if (s)
            puts(s);
        free(s);
        json_decref(o);
        return;
    }
    json_decref(tags);
    const char *k;
    json_t *v;
    printf("%-18s", "never labelled:");
    json_object_foreach(extra, k, v) printf(" %s %d", k, (int)json_integer_value(v));
    printf("\n");
    json_decref(extra);
    printf("rows labelled reflection flagged counter_complaint/defensive/criticism: %d of %d "
           "(%.1f%%)\n",
           e->hurt_on_reflection, e->reflection_rows,
           100.0 * ratio(e->hurt_on_reflection, e->reflection_rows));
    if (q_labelled)
        printf("%-18s %5d %5d %5d %9.3f %7.3f %6.3f  (any question_open/question_closed move; "
               "for comparison)\n",
               "question as moves", e->qm_tp, e->qm_fp, e->qm_fn, qp, qr, qf);
    printf("%-18s %5d %5d %5d %9.3f %7.3f %6.3f\n", "micro", TP, FP, FN, Mp, Mr, Mf);
    printf("%-18s %5s %5s %5s %9.3f %7.3f %6.3f\n", "macro", "", "", "", mp, mr, mf);
    printf("%d rows, %d skipped; reflection_simple and reflection_complex are not scored "
           "(the rules say reflection)\n",
           e->rows, e->bad_rows);
}

static void print_errors(const Eval *e)
{
    for (int i = 0; i < e->ntags; i++) {
        const TagStat *t = &e->tags[i];
        if (t->nerrors)
            printf("\n== %s ==\n", t->name);
        for (int k = 0; k < t->nerrors; k++)
            printf("  %s\n", t->errors[k]);
    }
}

static void free_eval(Eval *e)
{
    for (int i = 0; i < e->ntags; i++) {
        for (int k = 0; k < e->tags[i].nerrors; k++)
            free(e->tags[i].errors[k]);
        free(e->tags[i].errors);
    }
    free(e);
}

int cmd_eval(int argc, char **argv)
{
    const char *paths[16];
    int npaths = 0, json = 0;
    Eval *e = calloc(1, sizeof *e);
    if (!e)
        return 2;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--errors") == 0 && i + 1 < argc)
            e->max_errors = atoi(argv[++i]);
        else if (argv[i][0] != '-' && npaths < 16)
            paths[npaths++] = argv[i];
        else {
            fprintf(stderr, "usage: heard eval DATA.csv... [--json] [--errors N]\n");
            free_eval(e);
            return 2;
        }
    }
    if (npaths == 0) {
        fprintf(stderr, "usage: heard eval DATA.csv... [--json] [--errors N]\n");
        free_eval(e);
        return 2;
    }
    ScriptError err;
    Rules *r = rules_load(cli_root(), &err);
    if (!r) {
        fprintf(stderr, "heard eval: %s\n", err.message);
        free_eval(e);
        return 2;
    }
    int rc = 0;
    for (int i = 0; i < npaths && rc == 0; i++)
        rc = run_file(e, r, paths[i]);
    if (rc == 0) {
        report(e, json);
        if (!json)
            print_errors(e);
    }
    rules_destroy(r);
    free_eval(e);
    return rc == 0 ? 0 : 2;
}
