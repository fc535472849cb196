/* an_match.c: phrase patterns compiled to small Pike-VM programs (one per pattern), an
 * index from a token's word, stem and classes to the patterns that can start there, and
 * an anchored simulation from each start. Patterns are short and gaps bounded, so a run
 * costs O(tokens x candidate patterns x pattern length): linear in the reply.
 * Depends on an_lexicon, an_stem, an_tokenize; libc only. */
#include "game/analysis/an_match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_stem.h"

enum { OP_WORD, OP_STEM, OP_CLASS, OP_ANY, OP_SPLIT, OP_JMP, OP_BOL, OP_EOL, OP_MATCH };

#define PROG_MAX 256
#define CUE_MAX 128
#define GAP_MAX 8

typedef struct Inst {
    int32_t op, arg, x, y; /* x, y: jump targets relative to the pattern's start */
} Inst;

typedef struct Pattern {
    int cue, pc, len;
    char *source; /* the pattern as written, for reports */
} Pattern;

/* Words that open a sentence without changing what it does ("Okay, so, it sounds like..."
 * starts where "it" does); not "oh": "Oh no" is not "No". */
static const char *const FILLERS[] = {"so",  "and", "but",     "well",  "okay", "ok",   "um",
                                      "uh",  "umm", "yeah",    "now",   "then", "hmm",  "mm",
                                      "mhm", "hm",  "huh",     "right", "all",  "sure", "yes",
                                      "yep", "mmm", "alright", "anyway"};

struct AnMatcher {
    AnLexicon *lx;
    unsigned char *filler; /* per string id: one of FILLERS (filled by an_matcher_compile) */
    Inst *code;
    int ncode, capcode;
    Pattern *pats;
    int npats, cappats;
    char cues[CUE_MAX][32];
    bool model_only[CUE_MAX];
    int ncues;
    int nkeys;      /* index keys: words, stems, classes, any */
    int *key_start; /* nkeys + 1 */
    int *key_pats;
    int nstrings;
    int maxlen;
};

struct AnMatchScratch {
    uint32_t *mark; /* per instruction of one pattern */
    int *clist, *nlist;
    uint32_t *tried;    /* per pattern: the position stamp it was last tried at */
    unsigned char *bol; /* per token of the current run: a sentence starts there */
    size_t cap_bol;
    int bol_ready; /* bol is filled for the current run */
    uint32_t stamp, pos_stamp;
    int maxlen, npats;
};

/* ---- compiling -------------------------------------------------------------------- */

typedef struct Parser {
    AnMatcher *m;
    const char *s;
    Inst code[PROG_MAX];
    int n;
    char *err;
    size_t errsz;
    AnTokens *toks;
    int failed;
} Parser;

static void fail(Parser *p, const char *msg, const char *arg)
{
    if (!p->failed && p->err)
        snprintf(p->err, p->errsz, "%s%s", msg, arg ? arg : "");
    p->failed = 1;
}

static int emit(Parser *p, int op, int arg, int x, int y)
{
    if (p->n >= PROG_MAX - 1) {
        fail(p, "pattern too long", NULL);
        return -1;
    }
    p->code[p->n] = (Inst){op, arg, x, y};
    return p->n++;
}

/* Inserts a SPLIT before instruction AT, shifting later code and jump targets. */
static void insert_split(Parser *p, int at)
{
    if (p->n >= PROG_MAX - 1) {
        fail(p, "pattern too long", NULL);
        return;
    }
    for (int i = 0; i < p->n; i++) {
        Inst *in = &p->code[i];
        if (in->op == OP_SPLIT || in->op == OP_JMP) {
            if (in->x > at)
                in->x++;
            if (in->op == OP_SPLIT && in->y > at)
                in->y++;
        }
    }
    memmove(&p->code[at + 1], &p->code[at], (size_t)(p->n - at) * sizeof(Inst));
    p->n++;
    p->code[at] = (Inst){OP_SPLIT, 0, at + 1, -1};
}

static int is_sep(char c)
{
    return c == ' ' || c == '\t' || c == '(' || c == ')' || c == '|' || c == '\0';
}

static void emit_atom(Parser *p, const char *a)
{
    AnMatcher *m = p->m;
    if (a[0] == '@') {
        int c = an_lexicon_class_id(m->lx, a + 1);
        if (c < 0)
            fail(p, "unknown word class @", a + 1);
        else
            emit(p, OP_CLASS, c, 0, 0);
    } else if (a[0] == '~') {
        char stem[AN_STEM_MAX];
        an_lexicon_stem(m->lx, a + 1, strlen(a + 1), stem);
        emit(p, OP_STEM, an_lexicon_intern(m->lx, stem), 0, 0);
    } else {
        if (an_tokenize(p->toks, a, strlen(a)) < 0 || p->toks->count == 0) {
            fail(p, "cannot read word ", a);
            return;
        }
        for (int i = 0; i < p->toks->count; i++)
            emit(p, OP_WORD, an_lexicon_intern(m->lx, an_token_text(p->toks, i)), 0, 0);
    }
}

static void parse_seq(Parser *p);

static void parse_group(Parser *p)
{
    int jmps[32], nj = 0;
    for (;;) {
        int alt = p->n;
        parse_seq(p);
        if (p->failed)
            return;
        if (*p->s == '|') {
            p->s++;
            insert_split(p, alt);
            if (nj == 32) {
                fail(p, "too many alternatives", NULL);
                return;
            }
            jmps[nj++] = emit(p, OP_JMP, 0, -1, 0);
            p->code[alt].y = p->n;
        } else if (*p->s == ')') {
            p->s++;
            for (int i = 0; i < nj; i++)
                if (jmps[i] >= 0)
                    p->code[jmps[i]].x = p->n;
            return;
        } else {
            fail(p, "unclosed '('", NULL);
            return;
        }
    }
}

static void parse_item(Parser *p)
{
    char atom[64];
    int start = p->n, optional = 0;
    if (*p->s == '(') {
        p->s++;
        parse_group(p);
    } else if (*p->s == '*') {
        int n = atoi(p->s + 1);
        if (n < 1 || n > GAP_MAX)
            fail(p, "gap must be *1 .. *8", NULL);
        for (p->s++; *p->s >= '0' && *p->s <= '9'; p->s++)
            ;
        for (int i = 0; i < n && !p->failed; i++) {
            emit(p, OP_SPLIT, 0, p->n + 1, p->n + 2);
            emit(p, OP_ANY, 0, 0, 0);
        }
        return;
    } else {
        size_t k = 0;
        while (!is_sep(p->s[k]) && k < sizeof atom - 1)
            k++;
        memcpy(atom, p->s, k);
        atom[k] = '\0';
        p->s += k;
        if (k > 1 && atom[k - 1] == '?') {
            atom[--k] = '\0';
            optional = 1;
        }
        if (strcmp(atom, "^") == 0)
            emit(p, OP_BOL, 0, 0, 0);
        else if (strcmp(atom, "$") == 0)
            emit(p, OP_EOL, 0, 0, 0);
        else
            emit_atom(p, atom);
    }
    if (*p->s == '?' && is_sep(p->s[1])) {
        p->s++;
        optional = 1;
    }
    if (optional && !p->failed) {
        insert_split(p, start);
        p->code[start].y = p->n;
    }
}

static void parse_seq(Parser *p)
{
    while (!p->failed) {
        while (*p->s == ' ' || *p->s == '\t')
            p->s++;
        if (*p->s == '\0' || *p->s == ')' || *p->s == '|')
            return;
        parse_item(p);
    }
}

/* Marks in SEEN the instructions reachable from PC without consuming a token. */
static void closure(const Inst *code, int pc, unsigned char *seen)
{
    if (seen[pc])
        return;
    seen[pc] = 1;
    const Inst *in = &code[pc];
    if (in->op == OP_JMP)
        closure(code, in->x, seen);
    else if (in->op == OP_SPLIT)
        closure(code, in->x, seen), closure(code, in->y, seen);
    else if (in->op == OP_BOL || in->op == OP_EOL)
        closure(code, pc + 1, seen);
}

static int cue_id(AnMatcher *m, const char *cue, int create)
{
    for (int i = 0; i < m->ncues; i++)
        if (strncmp(m->cues[i], cue, 31) == 0)
            return i;
    if (!create || m->ncues >= CUE_MAX)
        return -1;
    snprintf(m->cues[m->ncues], 32, "%s", cue);
    return m->ncues++;
}

static int store(AnMatcher *m, const Parser *p, int cue, const char *source)
{
    if (m->ncode + p->n > m->capcode) {
        int cap = (m->ncode + p->n) * 2 + 256;
        Inst *c = realloc(m->code, (size_t)cap * sizeof *c);
        if (!c)
            return -1;
        m->code = c;
        m->capcode = cap;
    }
    if (m->npats == m->cappats) {
        int cap = m->cappats ? m->cappats * 2 : 64;
        Pattern *q = realloc(m->pats, (size_t)cap * sizeof *q);
        if (!q)
            return -1;
        m->pats = q;
        m->cappats = cap;
    }
    char *copy = strdup(source);
    if (!copy)
        return -1;
    memcpy(m->code + m->ncode, p->code, (size_t)p->n * sizeof(Inst));
    m->pats[m->npats] = (Pattern){cue, m->ncode, p->n, copy};
    m->ncode += p->n;
    if (p->n > m->maxlen)
        m->maxlen = p->n;
    return m->npats++;
}

int an_matcher_add(AnMatcher *m, const char *cue, const char *pattern, char *err, size_t errsz)
{
    if (err && errsz)
        err[0] = '\0';
    Parser *p = calloc(1, sizeof *p);
    if (!p)
        return -1;
    p->m = m;
    p->s = pattern ? pattern : "";
    p->err = err;
    p->errsz = errsz;
    p->toks = an_tokens_create();
    int id = -1;
    if (!p->toks)
        goto done;
    parse_seq(p);
    if (!p->failed && *p->s)
        fail(p, "unexpected ", *p->s == ')' ? "')'" : "'|'");
    emit(p, OP_MATCH, 0, 0, 0);
    unsigned char seen[PROG_MAX] = {0};
    if (!p->failed) {
        closure(p->code, 0, seen);
        if (seen[p->n - 1])
            fail(p, "pattern matches nothing: ", pattern);
    }
    int c = p->failed ? -1 : cue_id(m, cue ? cue : "", 1);
    if (!p->failed && c < 0)
        fail(p, "too many cues", NULL);
    if (!p->failed)
        id = store(m, p, c, pattern);
done:
    an_tokens_destroy(p->toks);
    free(p);
    return id;
}

AnMatcher *an_matcher_create(AnLexicon *lx)
{
    AnMatcher *m = calloc(1, sizeof *m);
    if (m)
        m->lx = lx;
    return m;
}

void an_matcher_destroy(AnMatcher *m)
{
    if (!m)
        return;
    free(m->code);
    for (int i = 0; i < m->npats; i++)
        free(m->pats[i].source);
    free(m->pats);
    free(m->key_start);
    free(m->key_pats);
    free(m->filler);
    free(m);
}

int an_matcher_pattern_count(const AnMatcher *m)
{
    return m->npats;
}

const char *an_matcher_pattern_text(const AnMatcher *m, int pattern, int *cue)
{
    if (pattern < 0 || pattern >= m->npats)
        return "";
    if (cue)
        *cue = m->pats[pattern].cue;
    return m->pats[pattern].source;
}

int an_matcher_cue_count(const AnMatcher *m)
{
    return m->ncues;
}

const char *an_matcher_cue_name(const AnMatcher *m, int cue)
{
    return cue >= 0 && cue < m->ncues ? m->cues[cue] : "";
}

int an_matcher_cue_id(const AnMatcher *m, const char *name)
{
    return cue_id((AnMatcher *)m, name, 0);
}

void an_matcher_set_model_only(AnMatcher *m, int cue)
{
    if (cue >= 0 && cue < m->ncues)
        m->model_only[cue] = true;
}

bool an_matcher_model_only(const AnMatcher *m, int cue)
{
    return cue >= 0 && cue < m->ncues && m->model_only[cue];
}

/* ---- index ------------------------------------------------------------------------ */

/* Calls FN for every index key of pattern I's possible first tokens. */
static void first_keys(const AnMatcher *m, int i, void (*fn)(AnMatcher *, int, int), AnMatcher *w)
{
    const Pattern *pt = &m->pats[i];
    const Inst *code = m->code + pt->pc;
    unsigned char seen[PROG_MAX] = {0};
    closure(code, 0, seen);
    int S = m->nstrings;
    for (int pc = 0; pc < pt->len; pc++) {
        if (!seen[pc])
            continue;
        switch (code[pc].op) {
        case OP_WORD:
            fn(w, code[pc].arg, i);
            break;
        case OP_STEM:
            fn(w, S + code[pc].arg, i);
            break;
        case OP_CLASS:
            fn(w, 2 * S + code[pc].arg, i);
            break;
        case OP_ANY:
            fn(w, 2 * S + AN_CLASS_MAX, i);
            break;
        default:
            break;
        }
    }
}

static void count_key(AnMatcher *m, int key, int pat)
{
    (void)pat;
    m->key_start[key + 1]++;
}

static void fill_key(AnMatcher *m, int key, int pat)
{
    /* key_start[key] is used as a moving cursor; restored afterwards. A pattern listed
     * twice under one key is tried once per position (see tried[]). */
    m->key_pats[m->key_start[key]++] = pat;
}

int an_matcher_compile(AnMatcher *m)
{
    free(m->key_start);
    free(m->key_pats);
    free(m->filler);
    m->key_start = NULL, m->key_pats = NULL, m->filler = NULL;
    int ids[sizeof FILLERS / sizeof FILLERS[0]];
    for (size_t k = 0; k < sizeof FILLERS / sizeof FILLERS[0]; k++)
        if ((ids[k] = an_lexicon_intern(m->lx, FILLERS[k])) < 0)
            return -1;
    m->nstrings = an_lexicon_string_count(m->lx);
    m->filler = calloc((size_t)m->nstrings + 1, 1);
    if (!m->filler)
        return -1;
    for (size_t k = 0; k < sizeof FILLERS / sizeof FILLERS[0]; k++)
        m->filler[ids[k]] = 1;
    m->nkeys = 2 * m->nstrings + AN_CLASS_MAX + 1;
    m->key_start = calloc((size_t)m->nkeys + 1, sizeof(int));
    if (!m->key_start)
        return -1;
    for (int i = 0; i < m->npats; i++)
        first_keys(m, i, count_key, m);
    for (int k = 0; k < m->nkeys; k++)
        m->key_start[k + 1] += m->key_start[k];
    m->key_pats = malloc(((size_t)m->key_start[m->nkeys] + 1) * sizeof(int));
    if (!m->key_pats)
        return -1;
    for (int i = 0; i < m->npats; i++)
        first_keys(m, i, fill_key, m);
    for (int k = m->nkeys; k > 0; k--)
        m->key_start[k] = m->key_start[k - 1];
    m->key_start[0] = 0;
    return 0;
}

/* ---- running ------------------------------------------------------------------------ */

AnMatchScratch *an_match_scratch_create(const AnMatcher *m)
{
    AnMatchScratch *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->maxlen = m->maxlen > 0 ? m->maxlen : 1;
    s->npats = m->npats;
    s->mark = calloc((size_t)s->maxlen, sizeof *s->mark);
    s->clist = malloc((size_t)s->maxlen * sizeof *s->clist);
    s->nlist = malloc((size_t)s->maxlen * sizeof *s->nlist);
    s->tried = calloc((size_t)s->npats + 1, sizeof *s->tried);
    if (!s->mark || !s->clist || !s->nlist || !s->tried) {
        an_match_scratch_destroy(s);
        return NULL;
    }
    return s;
}

void an_match_scratch_destroy(AnMatchScratch *s)
{
    if (!s)
        return;
    free(s->mark);
    free(s->clist);
    free(s->nlist);
    free(s->tried);
    free(s->bol);
    free(s);
}

typedef struct Run {
    const Inst *code;
    const AnTokens *toks;
    AnMatchScratch *s;
    const unsigned char *bol; /* per token, or NULL: see sentence_starts */
} Run;

/* A sentence starts at token I when only punctuation and fillers come before it. */
static int at_bol(const Run *r, int i)
{
    const AnTokens *t = r->toks;
    if (i > t->count)
        return 0;
    if (r->bol)
        return r->bol[i];
    return i == 0 || t->items[i - 1].kind == AN_TOK_SENT_END; /* no room for the table */
}

/* Fills S->bol[0 .. count] once per run, so '^' costs one lookup wherever it is tried.
 * Returns 0, or -1 when memory runs out. */
static int sentence_starts(const AnMatcher *m, AnMatchScratch *s, const AnTokens *t,
                           const AnTokenInfo *info)
{
    size_t need = (size_t)t->count + 1;
    if (s->cap_bol < need) {
        unsigned char *b = realloc(s->bol, need + 64);
        if (!b)
            return -1;
        s->bol = b;
        s->cap_bol = need + 64;
    }
    int open = 1;
    for (int i = 0; i < t->count; i++) {
        const AnToken *k = &t->items[i];
        s->bol[i] = (unsigned char)open;
        if (k->kind == AN_TOK_SENT_END)
            open = 1;
        else if (!(k->kind == AN_TOK_PUNCT ||
                   (k->kind == AN_TOK_WORD && info[i].word >= 0 && info[i].word < m->nstrings &&
                    m->filler[info[i].word])))
            open = 0;
    }
    s->bol[t->count] = (unsigned char)open;
    return 0;
}

static int at_eol(const AnTokens *t, int i)
{
    return i >= t->count || t->items[i].kind == AN_TOK_SENT_END;
}

static void add(const Run *r, int *list, int *n, int pc, int i)
{
    if (r->s->mark[pc] == r->s->stamp)
        return;
    r->s->mark[pc] = r->s->stamp;
    const Inst *in = &r->code[pc];
    switch (in->op) {
    case OP_JMP:
        add(r, list, n, in->x, i);
        break;
    case OP_SPLIT:
        add(r, list, n, in->x, i);
        add(r, list, n, in->y, i);
        break;
    case OP_BOL:
        if (at_bol(r, i))
            add(r, list, n, pc + 1, i);
        break;
    case OP_EOL:
        if (at_eol(r->toks, i))
            add(r, list, n, pc + 1, i);
        break;
    default:
        list[(*n)++] = pc;
    }
}

static int consumes(const Inst *in, const AnTokens *t, const AnTokenInfo *info, int i)
{
    if (i >= t->count)
        return 0;
    switch (in->op) {
    case OP_WORD:
        return info[i].word == in->arg;
    case OP_STEM:
        return info[i].stem == in->arg;
    case OP_CLASS:
        return (info[i].classes >> in->arg) & 1;
    case OP_ANY:
        return t->items[i].kind != AN_TOK_SENT_END;
    default:
        return 0;
    }
}

static void next_stamp(AnMatchScratch *s)
{
    if (++s->stamp == 0) {
        memset(s->mark, 0, (size_t)s->maxlen * sizeof *s->mark);
        s->stamp = 1;
    }
}

/* Runs pattern P anchored at token I; returns the end of the longest match or -1. */
static int run_at(const AnMatcher *m, AnMatchScratch *s, const Pattern *p, const AnTokens *t,
                  const AnTokenInfo *info, int i)
{
    Run r = {m->code + p->pc, t, s, s->bol_ready ? s->bol : NULL};
    int nc = 0, best = -1;
    next_stamp(s);
    add(&r, s->clist, &nc, 0, i);
    while (nc > 0) {
        int nn = 0;
        next_stamp(s);
        for (int k = 0; k < nc; k++) {
            const Inst *in = &r.code[s->clist[k]];
            if (in->op == OP_MATCH)
                best = i;
            else if (consumes(in, t, info, i))
                add(&r, s->nlist, &nn, s->clist[k] + 1, i + 1);
        }
        int *tmp = s->clist;
        s->clist = s->nlist;
        s->nlist = tmp;
        nc = nn;
        i++;
    }
    return best;
}

/* True when pattern PI already matched up to END or further from an earlier start: "So
 * sounds like" is one match of "^ (so)? sounds like", not a second one after the filler. */
static int inside_earlier(const AnMatch *out, int n, int pi, int end)
{
    for (int k = n - 1; k >= 0; k--)
        if (out[k].pattern == pi && out[k].end >= end)
            return 1;
    return 0;
}

static int try_key(const AnMatcher *m, AnMatchScratch *s, int key, const AnTokens *t,
                   const AnTokenInfo *info, int i, AnMatch *out, int n, int max)
{
    if (key < 0 || key >= m->nkeys)
        return n;
    for (int k = m->key_start[key]; k < m->key_start[key + 1] && n < max; k++) {
        int pi = m->key_pats[k];
        if (s->tried[pi] == s->pos_stamp)
            continue;
        s->tried[pi] = s->pos_stamp;
        int end = run_at(m, s, &m->pats[pi], t, info, i);
        if (end > i && !inside_earlier(out, n, pi, end))
            out[n++] = (AnMatch){m->pats[pi].cue, pi, i, end};
    }
    return n;
}

int an_matcher_run(const AnMatcher *m, AnMatchScratch *s, const AnTokens *toks,
                   const AnTokenInfo *info, AnMatch *out, int max)
{
    int n = 0, S = m->nstrings;
    if (!m->key_start || s->npats != m->npats)
        return 0;
    s->bol_ready = sentence_starts(m, s, toks, info) == 0;
    for (int i = 0; i < toks->count && n < max; i++) {
        if (++s->pos_stamp == 0) {
            memset(s->tried, 0, (size_t)s->npats * sizeof *s->tried);
            s->pos_stamp = 1;
        }
        const AnTokenInfo *ti = &info[i];
        if (ti->word >= 0 && ti->word < S)
            n = try_key(m, s, ti->word, toks, info, i, out, n, max);
        if (ti->stem >= 0 && ti->stem < S)
            n = try_key(m, s, S + ti->stem, toks, info, i, out, n, max);
        for (int c = 0; c < AN_CLASS_MAX && (ti->classes >> c); c++)
            if ((ti->classes >> c) & 1)
                n = try_key(m, s, 2 * S + c, toks, info, i, out, n, max);
        n = try_key(m, s, 2 * S + AN_CLASS_MAX, toks, info, i, out, n, max);
    }
    return n;
}
