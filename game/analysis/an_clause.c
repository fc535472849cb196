/* an_clause.c: cutting sentences into clauses and naming each clause's subject (see
 * an_clause.h). Depends on an_tokenize, the word lists of an_features.h, and libc. */
#include "game/analysis/an_clause.h"

#include <string.h>

#include "game/analysis/an_features.h"

const char *an_subject_name(AnSubject s)
{
    static const char *const NAMES[AN_SUBJ_COUNT] = {"none", "i",  "my",    "you", "your", "we",
                                                     "they", "it", "other", "ask", "verb"};
    return s >= 0 && s < AN_SUBJ_COUNT ? NAMES[s] : "none";
}

static bool is_word(const AnTokens *t, int i, int end)
{
    return i < end && t->items[i].kind == AN_TOK_WORD;
}

/* A punctuation token that ends a clause: , ; : and dashes (not quotes or brackets). */
static bool clause_mark(const AnTokens *t, int i)
{
    if (t->items[i].kind != AN_TOK_PUNCT)
        return false;
    const char *p = an_token_text(t, i);
    return strcmp(p, ",") == 0 || strcmp(p, ";") == 0 || strcmp(p, ":") == 0 ||
           strcmp(p, "-") == 0 || strcmp(p, "\xE2\x80\x94") == 0 || /* em dash */
           strcmp(p, "\xE2\x80\x93") == 0;                          /* en dash */
}

/* Words that can be the subject of a clause that a conjunction opens. */
#define SUBJECTS (AN_K_FIRST | AN_K_SECOND | AN_K_WE | AN_K_THIRD | AN_K_IT)

/* True when a new clause starts at word I (a conjunction): "but", "because", "though",
 * "although", "whereas", "however", "which" always do; "and", "so", "or", "while", "since"
 * when a subject follows (past opening words: "and honestly I..."). */
static bool opens_clause(const AnTokens *t, const uint32_t *k, int i, int end, int start)
{
    if (!(k[i] & AN_K_CONJ) || i == start)
        return false;
    const char *w = an_token_text(t, i);
    static const char *const ALWAYS[] = {"but",     "because", "though", "although",
                                         "whereas", "however", "which",  "cause",
                                         "cos",     "except",  "unless", NULL};
    for (int n = 0; ALWAYS[n]; n++)
        if (strcmp(w, ALWAYS[n]) == 0)
            return true;
    int j = i + 1;
    while (j < end && is_word(t, j, end) && (k[j] & AN_K_LEAD) && !(k[j] & SUBJECTS))
        j++;
    return is_word(t, j, end) && (k[j] & SUBJECTS);
}

static int count_words(const AnTokens *t, int start, int end)
{
    int n = 0;
    for (int i = start; i < end; i++)
        n += t->items[i].kind == AN_TOK_WORD;
    return n;
}

/* The first token of [start, end) past conjunctions, opening words and punctuation. */
static int head_of(const AnTokens *t, const uint32_t *k, int start, int end)
{
    int i = start;
    while (i < end && (t->items[i].kind == AN_TOK_PUNCT ||
                       (is_word(t, i, end) && (k[i] & (AN_K_CONJ | AN_K_LEAD | AN_K_FILLER)) &&
                        !(k[i] & SUBJECTS))))
        i++;
    return i;
}

/* True when only opening words (and punctuation) fill [start, end): "Well,", "Oh no,". */
static bool only_leads(const AnTokens *t, const uint32_t *k, int start, int end)
{
    for (int i = start; i < end; i++) {
        if (t->items[i].kind == AN_TOK_PUNCT || t->items[i].kind == AN_TOK_SENT_END)
            continue;
        if (!is_word(t, i, end) || !(k[i] & (AN_K_LEAD | AN_K_FILLER | AN_K_CONJ | AN_K_NEG)))
            return false;
    }
    return true;
}

/* What an object of a verb-first clause starts with: "calm down", "try the shop". */
static bool object_word(const AnTokens *t, const uint32_t *k, int i, int end)
{
    static const char *const OBJ[] = {"me",   "him",  "her",  "them",  "us",       "it",   "the",
                                      "a",    "an",   "some", "down",  "up",       "out",  "over",
                                      "off",  "away", "on",   "back",  "to",       "this", "that",
                                      "your", "my",   "his",  "their", "yourself", NULL};
    if (!is_word(t, i, end))
        return false;
    const char *w = an_token_text(t, i);
    for (int n = 0; OBJ[n]; n++)
        if (strcmp(w, OBJ[n]) == 0)
            return true;
    return (k[i] & AN_K_SECOND) != 0;
}

static bool has_verb(const AnTokens *t, const uint32_t *k, int start, int end)
{
    for (int i = start; i < end; i++) {
        if (!is_word(t, i, end))
            continue;
        if (k[i] & (AN_K_AUX | AN_K_MODAL | AN_K_BE))
            return true;
        if ((k[i] & AN_K_PERS) && !(k[i] & AN_K_POSS) && is_word(t, i + 1, end) &&
            !(k[i + 1] & (AN_K_CONJ | AN_K_PREP)))
            return true; /* "you snore", "i waited" */
        size_t n = t->items[i].len;
        if (n > 4 && memcmp(an_token_text(t, i) + n - 2, "ed", 2) == 0 && i > start &&
            !(k[i - 1] & AN_K_NP))
            return true; /* "the toaster broke" has none, "mum called" has one */
    }
    return false;
}

static AnSubject subject_of(const AnTokens *t, const uint32_t *k, const AnClause *c)
{
    int h = c->head;
    if (!is_word(t, h, c->end))
        return AN_SUBJ_NONE;
    const char *w = an_token_text(t, h);
    uint32_t kh = k[h];
    if (kh & AN_K_WH)
        return AN_SUBJ_ASK;
    if ((kh & (AN_K_AUX | AN_K_MODAL)) && !(kh & AN_K_ELSE) && is_word(t, h + 1, c->end) &&
        (k[h + 1] & (SUBJECTS | AN_K_NP | AN_K_ANY)))
        return AN_SUBJ_ASK; /* "did you", "is it", "can we", "are your parents" */
    if (kh & AN_K_FIRST)
        return (kh & AN_K_POSS) || strcmp(w, "mine") == 0 ? AN_SUBJ_MY : AN_SUBJ_I;
    if (kh & AN_K_SECOND)
        return (kh & AN_K_POSS) || strcmp(w, "yours") == 0 ? AN_SUBJ_YOUR : AN_SUBJ_YOU;
    if (kh & AN_K_WE)
        return AN_SUBJ_WE;
    if (kh & AN_K_THIRD)
        return AN_SUBJ_THEY;
    if (kh & AN_K_IT)
        return AN_SUBJ_IT;
    if (!(kh & (AN_K_NP | AN_K_PREP | AN_K_NEG | AN_K_ANY)) && object_word(t, k, h + 1, c->end))
        return AN_SUBJ_VERB;
    return c->verb ? AN_SUBJ_OTHER : AN_SUBJ_NONE;
}

static int emit(const AnTokens *t, const uint32_t *k, AnClause *out, int n, int max, int start,
                int end, int sentence)
{
    if (n >= max || start >= end)
        return n;
    AnClause *c = &out[n];
    memset(c, 0, sizeof *c);
    c->start = start;
    c->end = end;
    c->sentence = sentence;
    c->head = head_of(t, k, start, end);
    c->words = count_words(t, start, end);
    c->verb = has_verb(t, k, c->head, end);
    c->subject = subject_of(t, k, c);
    return n + 1;
}

/* Splits sentence [start, end) into clauses; returns the new count. A piece holding only
 * opening words joins the piece after it; a piece with no words joins the one before. */
static int split_sentence(const AnTokens *t, const uint32_t *k, int start, int end, int sentence,
                          AnClause *out, int n, int max)
{
    int from = start;
    for (int i = start; i <= end; i++) {
        bool cut = i == end || clause_mark(t, i) ||
                   (is_word(t, i, end) && opens_clause(t, k, i, end, from));
        if (!cut)
            continue;
        int stop = i < end && clause_mark(t, i) ? i + 1 : i; /* a mark ends its clause */
        if (stop == end || !only_leads(t, k, from, stop)) {
            if (count_words(t, from, stop) == 0 && n > 0 && out[n - 1].sentence == sentence)
                out[n - 1].end = stop;
            else
                n = emit(t, k, out, n, max, from, stop, sentence);
            from = stop;
        }
        if (stop > i)
            i = stop - 1;
    }
    return n;
}

int an_clauses_split(const AnTokens *t, const uint32_t *kinds, AnClause *out, int max)
{
    int n = 0;
    for (int i = 0; i < t->count;) {
        int start = i;
        uint32_t s = t->items[i].sentence;
        while (i < t->count && t->items[i].sentence == s)
            i++;
        n = split_sentence(t, kinds, start, i, (int)s, out, n, max);
    }
    return n;
}
