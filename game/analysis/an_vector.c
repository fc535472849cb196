/* an_vector.c: the features of each clause of a reply (see an_vector.h). Names are built
 * piece by piece into one buffer; a per-instance filter drops repeats.
 * Depends on an_features, an_clause, an_match and libc. */
#include "game/analysis/an_vector.h"

#include "engine/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 96

uint64_t an_vector_key(const char *name)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *name; name++) {
        h ^= (unsigned char)*name;
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

AnVector *an_vector_create(void)
{
    return calloc(1, sizeof(AnVector));
}

void an_vector_destroy(AnVector *v)
{
    if (!v)
        return;
    free(v->inst);
    free(v->keys);
    free(v->name);
    free(v->same);
    free(v->text);
    free(v->seen);
    free(v);
}

static int reserve(void **p, size_t *cap, size_t need, size_t elem)
{
    if (*cap >= need)
        return 0;
    size_t n = *cap ? *cap * 2 : 256;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

/* ---- building names ----------------------------------------------------------------- */

typedef struct Build {
    AnVector *v;
    const AnFeatures *f;
    const AnMatcher *m;
    int failed;
    int inst_first; /* first feature of the instance being built */
    int names;      /* keep each feature's name (AN_VEC_NAMES) */
    int same;       /* the feature add_key adds repeats this earlier one, or -1 */
    uint32_t seen_mask;
} Build;

static int add_key(Build *b, uint64_t key, uint32_t at);

static void seen_put(uint64_t *seen, uint32_t mask, uint64_t key)
{
    uint32_t s = (uint32_t)key & mask;
    while (seen[s] != 0 && seen[s] != key)
        s = (s + 1) & mask;
    seen[s] = key;
}

/* Doubles the duplicate filter and puts back the keys of the instance being built. */
static int grow_seen(Build *b)
{
    AnVector *v = b->v;
    size_t slots = ((size_t)b->seen_mask + 1) * 2;
    if (reserve((void **)&v->seen, &v->cap_seen, slots, sizeof *v->seen) < 0)
        return -1;
    memset(v->seen, 0, slots * sizeof *v->seen);
    b->seen_mask = (uint32_t)(slots - 1);
    for (int i = b->inst_first; i < v->n_feat; i++)
        seen_put(v->seen, b->seen_mask, v->keys[i]);
    return 0;
}

/* Adds the feature named by the concatenation of up to four parts (NULL ends the list early)
 * to the instance being built, unless it is there already. */
static void add(Build *b, const char *p1, const char *p2, const char *p3, const char *p4)
{
    char name[NAME_MAX_LEN];
    size_t n = 0;
    const char *parts[4] = {p1, p2, p3, p4};
    for (int i = 0; i < 4 && parts[i]; i++) {
        size_t k = strlen(parts[i]);
        if (n + k >= sizeof name) /* a long word: cut on a character boundary */
            k = utf8_floor(parts[i], k, sizeof name - 1 - n);
        memcpy(name + n, parts[i], k);
        n += k;
    }
    name[n] = '\0';
    AnVector *v = b->v;
    uint64_t key = an_vector_key(name);
    uint32_t at = (uint32_t)v->n_text;
    if (b->names) {
        if (reserve((void **)&v->text, &v->cap_text, v->n_text + n + 1, 1) < 0) {
            b->failed = 1;
            return;
        }
        memcpy(v->text + v->n_text, name, n + 1);
    }
    if (add_key(b, key, at) && b->names)
        v->n_text += n + 1; /* keep the name only when the feature is new here */
}

/* Adds the feature with KEY (its name at offset AT of the text, when names are kept) to the
 * instance being built unless it is there already; returns 1 when it was added. */
static int add_key(Build *b, uint64_t key, uint32_t at)
{
    AnVector *v = b->v;
    if ((size_t)(v->n_feat - b->inst_first + 1) * 2 > (size_t)b->seen_mask + 1 &&
        grow_seen(b) < 0) {
        b->failed = 1;
        return 0;
    }
    for (uint32_t s = (uint32_t)key & b->seen_mask;; s = (s + 1) & b->seen_mask) {
        if (v->seen[s] == key)
            return 0;
        if (v->seen[s] == 0) {
            v->seen[s] = key;
            break;
        }
    }
    if (reserve((void **)&v->keys, &v->cap_feat, (size_t)v->n_feat + 1, sizeof *v->keys) < 0 ||
        reserve((void **)&v->same, &v->cap_same, (size_t)v->n_feat + 1, sizeof *v->same) < 0 ||
        (b->names &&
         reserve((void **)&v->name, &v->cap_name, (size_t)v->n_feat + 1, sizeof *v->name) < 0)) {
        b->failed = 1;
        return 0;
    }
    v->keys[v->n_feat] = key;
    v->same[v->n_feat] = b->same;
    if (b->names) /* names are for training and explanations; scoring needs keys alone */
        v->name[v->n_feat] = at;
    v->n_feat++;
    return 1;
}

static void add1(Build *b, const char *a)
{
    add(b, a, NULL, NULL, NULL);
}

static void add2(Build *b, const char *a, const char *c)
{
    add(b, a, c, NULL, NULL);
}

/* ---- token views -------------------------------------------------------------------- */

static const char *word_of(const AnFeatures *f, int i)
{
    const AnTokenInfo *ti = &f->info[i];
    return ti->stem_text[0] ? ti->stem_text : an_token_text(f->reply, i);
}

/* The shape of reply token I (see an_vector.h), or NULL for tokens the shape skips. */
static const char *shape_of(const AnFeatures *f, int i)
{
    const AnToken *t = &f->reply->items[i];
    uint8_t fl = f->flags[i];
    if (t->kind == AN_TOK_NUMBER)
        return fl & AN_T_NUMBER_ECHO ? "E#" : "#";
    if (t->kind == AN_TOK_PUNCT)
        return strcmp(an_token_text(f->reply, i), ",") == 0 ? "," : NULL;
    if (t->kind == AN_TOK_SENT_END)
        return an_token_text(f->reply, i)[0] == '?'   ? "?"
               : an_token_text(f->reply, i)[0] == '!' ? "!"
                                                      : NULL;
    if (t->kind != AN_TOK_WORD)
        return "X";
    uint32_t k = f->kinds[i];
    if (k & AN_K_FIRST)
        return k & AN_K_POSS ? "MY" : "I";
    if (k & AN_K_SECOND)
        return k & AN_K_POSS ? "YOUR" : "YOU";
    if (k & AN_K_WE)
        return strcmp(an_token_text(f->reply, i), "our") == 0 ? "OUR" : "WE";
    if (k & AN_K_THIRD)
        return "3";
    if (!f->info[i].content)
        return an_token_text(f->reply, i);
    if (fl & AN_T_FEELING)
        return fl & (AN_T_ECHO | AN_T_FAMILY) ? "EF" : "F";
    if (fl & (AN_T_ECHO | AN_T_FAMILY))
        return "E";
    if (fl & AN_T_NEED)
        return "N";
    if (fl & AN_T_INNER)
        return "V";
    return "W";
}

/* ---- the features of a clause ------------------------------------------------------- */

static const char *bin(int n, const char *const *names, const int *edges, int k)
{
    for (int i = 0; i < k; i++)
        if (n <= edges[i])
            return names[i];
    return names[k];
}

static const char *count_bin(int n)
{
    static const char *const N[] = {"0", "1", "2", "3+"};
    static const int E[] = {0, 1, 2};
    return bin(n, N, E, 3);
}

static const char *words_bin(int n)
{
    static const char *const N[] = {"1", "2", "3-5", "6-10", "11-20", "21+"};
    static const int E[] = {1, 2, 5, 10, 20};
    return bin(n, N, E, 5);
}

/* Words, word pairs and shape n-grams of clause C. */
static void ngrams(Build *b, const AnClause *c)
{
    const AnFeatures *f = b->f;
    const char *prev_w = "^", *sh1 = "^", *sh2 = NULL;
    for (int i = c->start; i < c->end; i++) {
        const char *sh = shape_of(f, i);
        if (f->reply->items[i].kind == AN_TOK_WORD) {
            /* the partner's own words say what they talked about, not what the reply does:
             * they count as an echo, whatever the word ("toaster" given back is no toaster) */
            const char *w = f->flags[i] & AN_T_ECHO ? "E" : word_of(f, i);
            add2(b, f->info[i].negated ? "wn:" : "w:", w);
            add(b, "b:", prev_w, "_", w);
            prev_w = w;
        }
        if (f->reply->items[i].kind == AN_TOK_OTHER) /* emoji: 🙄, 🙏 */
            add2(b, "w:", an_token_text(f->reply, i));
        if (!sh)
            continue;
        add(b, "s:", sh1, "_", sh);
        if (sh2) {
            char tri[NAME_MAX_LEN];
            snprintf(tri, sizeof tri, "%s_%s_%s", sh2, sh1, sh);
            add2(b, "s:", tri);
        }
        sh2 = sh1;
        sh1 = sh;
    }
    add(b, "b:", prev_w, "_", "$");
    add(b, "s:", sh1, "_", "$");
    if (sh2) {
        char tri[NAME_MAX_LEN];
        snprintf(tri, sizeof tri, "%s_%s_$", sh2, sh1);
        add2(b, "s:", tri);
    }
}

typedef struct ClauseFacts {
    int echo, feel, feel_echo, need, num_echo, neg, words, copy, caps;
    bool mark, ask, said_back, bang, quoted;
} ClauseFacts;

static ClauseFacts facts_of(const AnFeatures *f, const AnClause *c)
{
    ClauseFacts x = {0};
    const AnTokens *t = f->reply;
    for (int i = c->start; i < c->end; i++) {
        uint8_t fl = f->flags[i];
        x.echo += (fl & AN_T_ECHO) != 0;
        x.feel += (fl & AN_T_FEELING) != 0 && !f->info[i].negated;
        x.feel_echo += (fl & AN_T_FEELING) && (fl & (AN_T_ECHO | AN_T_FAMILY));
        x.need += (fl & AN_T_NEED) != 0;
        x.num_echo += (fl & AN_T_NUMBER_ECHO) != 0;
        x.neg += t->items[i].kind == AN_TOK_WORD && (f->kinds[i] & AN_K_NEG);
        x.words += t->items[i].kind == AN_TOK_WORD;
        x.caps += (fl & AN_T_CAPS) != 0;
        if (t->items[i].kind == AN_TOK_SENT_END && an_token_text(t, i)[0] == '?')
            x.mark = true;
        if (t->items[i].kind == AN_TOK_SENT_END &&
            memchr(t->clean + t->items[i].start, '!', t->items[i].end - t->items[i].start))
            x.bang = true;
        if (t->items[i].kind == AN_TOK_PUNCT && strchr("\"'", an_token_text(t, i)[0]))
            x.quoted = true;
    }
    const AnSentence *s = c->sentence < f->n_sents ? &f->sents[c->sentence] : NULL;
    /* a question in form starts its clause; the sentence's reading covers its last clause */
    x.ask = c->subject == AN_SUBJ_ASK || (s && s->asks && x.mark);
    x.said_back = s && s->said_back && x.mark;
    return x;
}

static void clause_facts(Build *b, const AnClause *c, const ClauseFacts *x)
{
    const AnFeatures *f = b->f;
    const char *subj = an_subject_name(c->subject);
    add2(b, "subj:", subj);
    if (x->echo)
        add(b, "subj:", subj, "|e", NULL);
    if (x->feel)
        add(b, "subj:", subj, "|f", NULL);
    if (x->neg)
        add(b, "subj:", subj, "|neg", NULL);
    if (x->mark)
        add(b, "subj:", subj, "|q", NULL);
    if (!c->verb)
        add1(b, "noverb");
    add2(b, "e:", count_bin(x->echo));
    if (x->feel)
        add1(b, "f");
    if (x->feel_echo)
        add1(b, "ef");
    if (x->need)
        add1(b, "n");
    if (x->num_echo)
        add1(b, "e#");
    if (x->neg)
        add1(b, x->echo ? "neg|e" : "neg");
    add2(b, "words:", words_bin(x->words));
    if (x->mark)
        add1(b, "q:mark");
    if (x->caps)
        add1(b, "caps");
    if (x->bang)
        add1(b, "bang");
    if (x->quoted)
        add1(b, "quoted");
    if (x->ask)
        add1(b, "q:ask");
    if (x->said_back)
        add1(b, "q:said_back");
    if (c->head > c->start && f->reply->items[c->start].kind == AN_TOK_WORD)
        add2(b, "lead:", an_token_text(f->reply, c->start));
    for (int h = 0; h < f->n_hits; h++) {
        const AnHit *hit = &f->hits[h];
        if (hit->start >= c->start && hit->start < c->end)
            add(b, "cue:", an_matcher_cue_name(b->m, hit->cue), hit->negated ? ":neg" : "", NULL);
    }
}

/* Where clause CI stands among the reply's clauses, and what its neighbours are. */
static void position(Build *b, int ci)
{
    const AnFeatures *f = b->f;
    int n = f->n_clauses;
    if (n == 1)
        add1(b, "pos:only");
    else if (ci == 0)
        add1(b, "pos:first");
    else if (ci == n - 1)
        add1(b, "pos:last");
    if (ci > 0) {
        const AnClause *p = &f->clauses[ci - 1];
        ClauseFacts px = facts_of(f, p);
        add2(b, "prev:subj:", an_subject_name(p->subject));
        if (px.echo)
            add1(b, "prev:e");
        if (px.mark)
            add1(b, "prev:q");
    }
    if (ci + 1 < n)
        add2(b, "next:subj:", an_subject_name(f->clauses[ci + 1].subject));
}

/* ---- the reply and the context ------------------------------------------------------ */

static void reply_facts(Build *b)
{
    const AnFeatures *f = b->f;
    add2(b, "nc:", count_bin(f->n_clauses));
    add2(b, "R:words:", words_bin(f->words));
    if (f->ctx_words == 0)
        add1(b, "R:startup");
    for (int i = 0; i < f->reply->count; i++)
        if (f->reply->items[i].kind == AN_TOK_WORD) {
            add2(b, "R:first:", word_of(f, i));
            break;
        }
    bool subj[AN_SUBJ_COUNT] = {false};
    for (int c = 0; c < f->n_clauses; c++)
        subj[f->clauses[c].subject] = true;
    for (int s = 0; s < AN_SUBJ_COUNT; s++)
        if (subj[s])
            add2(b, "R:subj:", an_subject_name((AnSubject)s));
    if (f->parrot >= 0.5)
        add1(b, "R:parrot");
    if (f->longest_copy >= 3)
        add1(b, "R:copy3");
}

static void context_facts(Build *b, const AnClause *c)
{
    const AnFeatures *f = b->f;
    if (f->ctx_words == 0)
        return;
    add2(b, "C:words:", words_bin(f->ctx_words));
    bool subj[AN_SUBJ_COUNT] = {false};
    for (int k = 0; k < f->n_cclauses; k++)
        subj[f->cclauses[k].subject] = true;
    for (int s = 0; s < AN_SUBJ_COUNT; s++)
        if (subj[s]) {
            add2(b, "C:subj:", an_subject_name((AnSubject)s));
            if (c) /* whose turn it is against whose: "I..." answered by "you..." */
                add(b, "C:subj:", an_subject_name((AnSubject)s),
                    "|subj:", an_subject_name(c->subject));
        }
    if (f->ctx_feelings)
        add1(b, "C:f");
    for (int i = 0; i < f->context->count; i++)
        if (f->context->items[i].kind == AN_TOK_SENT_END &&
            an_token_text(f->context, i)[0] == '?') {
            add1(b, "C:q");
            break;
        }
    if (f->ctx_second_person)
        add1(b, "C:you");
    if (f->ctx_first_person)
        add1(b, "C:i");
}

/* ---- instances ---------------------------------------------------------------------- */

static int begin(Build *b, int clause, size_t expect)
{
    AnVector *v = b->v;
    size_t slots = 64;
    while (slots < expect * 2)
        slots *= 2;
    if (reserve((void **)&v->inst, &v->cap_inst, (size_t)v->n_inst + 1, sizeof *v->inst) < 0 ||
        reserve((void **)&v->seen, &v->cap_seen, slots, sizeof *v->seen) < 0)
        return -1;
    memset(v->seen, 0, slots * sizeof *v->seen);
    b->seen_mask = (uint32_t)(slots - 1);
    b->inst_first = v->n_feat;
    v->inst[v->n_inst] = (AnInstance){clause, v->n_feat, 0};
    return 0;
}

static void end(Build *b)
{
    AnVector *v = b->v;
    v->inst[v->n_inst].count = v->n_feat - b->inst_first;
    v->n_inst++;
}

static void one_clause(Build *b, int ci)
{
    const AnClause *c = &b->f->clauses[ci];
    ClauseFacts x = facts_of(b->f, c);
    ngrams(b, c);
    clause_facts(b, c, &x);
    position(b, ci);
}

int an_vectorize(AnVector *v, const AnFeatures *f, const AnMatcher *m, int options)
{
    Build b = {.v = v, .f = f, .m = m, .names = (options & AN_VEC_NAMES) != 0, .same = -1};
    v->has_names = b.names;
    v->n_inst = 0;
    v->n_feat = 0;
    v->n_text = 0;
    for (int ci = 0; ci < f->n_clauses && !b.failed; ci++) {
        const AnClause *c = &f->clauses[ci];
        if (begin(&b, ci, (size_t)(c->end - c->start) * 6 + 96) < 0)
            b.failed = 1;
        else {
            one_clause(&b, ci);
            reply_facts(&b);
            context_facts(&b, c);
            end(&b);
        }
    }
    if (!b.failed && (f->n_clauses == 0 || ((options & AN_VEC_WHOLE) && f->n_clauses > 1))) {
        int clause_feats = v->n_feat;
        if (begin(&b, -1, (size_t)clause_feats + 96) < 0)
            b.failed = 1;
        else if (f->n_clauses == 0) {
            reply_facts(&b);
            context_facts(&b, NULL);
            end(&b);
        } else {
            /* every clause's features together: their keys, without building them again */
            for (int k = 0; k < clause_feats && !b.failed; k++) {
                b.same = k;
                add_key(&b, v->keys[k], b.names ? v->name[k] : 0);
            }
            b.same = -1;
            end(&b);
        }
    }
    if (b.failed) {
        v->n_inst = 0;
        v->n_feat = 0;
        return -1;
    }
    return 0;
}
