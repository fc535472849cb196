/* fuzz_analyser.c: libFuzzer target for the analyser. Each input is split at its first NUL
 * byte into a context (before) and a reply (after; the whole input is the reply when there
 * is no NUL). Whatever the bytes, reading the reply must give features whose indices stay
 * inside the tokens and whose spans are valid UTF-8, never a crash, a leak or undefined
 * behaviour.
 *
 * Two targets are built from this file (see docs/hardening.md):
 *   fuzz_analyser        the C features alone (game/analysis), over a small lexicon with
 *                        every kind of phrase pattern
 *   fuzz_analyser_rules  (FUZZ_RULES defined) the full rules_score, both roles, with the
 *                        real lexicons and scripts/rules loaded once from the working
 *                        folder (run it from the repository root)
 *
 * Both entry points are declared in fuzz_inputs.h and shared with
 * tests/unit/test_fuzz_regress.c, which replays the saved inputs in the normal build. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/utf8.h"
#include "game/analysis/an_features.h"
#include "game/rules/rules.h"
#include "tests/fuzz/fuzz_inputs.h"

/* Splits DATA into two NUL-terminated copies; returns 0, or -1 when out of memory. */
static int split(const uint8_t *data, size_t size, char **context, char **reply)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t clen = nul ? (size_t)(nul - data) : 0;
    const uint8_t *r = nul ? nul + 1 : data;
    size_t rlen = nul ? size - clen - 1 : size;
    *context = malloc(clen + 1);
    *reply = malloc(rlen + 1);
    if (!*context || !*reply) {
        free(*context);
        free(*reply);
        return -1;
    }
    memcpy(*context, data, clen);
    (*context)[clen] = '\0';
    memcpy(*reply, r, rlen);
    (*reply)[rlen] = '\0';
    return 0;
}

/* Stops the run loudly: a broken promise of an_features.h or rules.h. */
static void broken(const char *what)
{
    fprintf(stderr, "fuzz_analyser: %s\n", what);
    abort();
}

static int valid(const char *s, size_t len)
{
    return utf8_validate(s, len) == len;
}

static void check_span(const AnFeatures *f, int start, int end)
{
    if (start < 0 || end < start || end > f->reply->count)
        broken("a span outside the reply's tokens");
    size_t len;
    const char *s = an_features_span(f, start, end, &len);
    if (len > 0 && (!s || !valid(s, len)))
        broken("a span that is not valid UTF-8");
}

/* Checks every index the features hold against the tokens they index. */
static void check_features(const AnFeatures *f)
{
    int n = f->reply->count;
    for (int i = 0; i < f->n_echo; i++)
        check_span(f, f->echo[i], f->echo[i] + 1);
    for (int i = 0; i < f->n_feelings; i++)
        check_span(f, f->feelings[i], f->feelings[i] + 1);
    for (int i = 0; i < f->n_sents; i++) {
        const AnSentence *s = &f->sents[i];
        check_span(f, s->start, s->end);
        if (s->first < s->start || s->first > s->end)
            broken("a sentence's first word outside it");
    }
    for (int i = 0; i < f->n_hits; i++) {
        check_span(f, f->hits[i].start, f->hits[i].end);
        if (f->hits[i].sentence < 0 || (f->n_sents > 0 && f->hits[i].sentence >= f->n_sents))
            broken("a cue in no sentence");
    }
    if (f->n_echo > AN_LIST_MAX || f->n_feelings > AN_LIST_MAX || f->n_hits > AN_HITS_MAX)
        broken("a list longer than its array");
    if (!(f->overlap >= 0 && f->overlap <= 1) || !(f->parrot >= 0 && f->parrot <= 1))
        broken("a share outside [0, 1]");
    if (f->longest_copy < 0 || f->longest_copy > n)
        broken("a copied run longer than the reply");
    if (!valid(f->reply->clean, f->reply->clean_len))
        broken("a cleaned reply that is not valid UTF-8");
}

typedef struct Analyser {
    AnLexicon *lx;
    AnMatcher *m;
    AnAnalyser *a;
} Analyser;

/* A small lexicon with words, exact forms, families, and patterns using every element of
 * the syntax (optional words and groups, alternatives, gaps, stems, classes, edges). */
static Analyser *analyser_make(void)
{
    static const char *const words[][4] = {
        {"feeling", "angry", "anger", "2"},     {"feeling", "furious", "anger", "3"},
        {"feeling", "annoyed", "anger", "1"},   {"feeling", "sad", "sadness", "2"},
        {"feeling", "tired", "tiredness", "1"}, {"feeling", "frustrated", "anger", "2"},
        {"need", "rest", "rest", "1"},          {"need", "help", "support", "2"},
        {"absolute", "=always", NULL, "0"},     {"absolute", "=never", NULL, "0"},
        {"trait", "lazy", NULL, "0"},           {"trait", "selfish", NULL, "0"},
        {"pronoun_you", "=you", NULL, "0"},     {"act", "call", NULL, "0"},
    };
    static const char *const cues[][2] = {
        {"reflect_opener", "^ (it)? (sounds|sound) like"},
        {"reflect_opener", "^ (so)? you (feel|felt|are feeling)"},
        {"check", "did i (get|understand) (it|that|you) (right)? ?"},
        {"minimizing", "you are overreacting"},
        {"minimizing", "(it is|that is) not (a)? big deal"},
        {"criticism", "you @absolute *3 @act"},
        {"contempt", "you are (so)? @trait"},
        {"feeling_talk", "i ~feel *4 @feeling $"},
        {"counter", "(well|but) ,? (my|i) *8 (too|either) ."},
        {"question", "^ what else !?"},
        {"need", "i need @need"},
    };
    Analyser *an = calloc(1, sizeof *an);
    if (!an)
        return NULL;
    an->lx = an_lexicon_create();
    for (size_t i = 0; an->lx && i < sizeof words / sizeof words[0]; i++)
        an_lexicon_add_word(an->lx, words[i][0], words[i][1], words[i][2], atoi(words[i][3]));
    an->m = an->lx ? an_matcher_create(an->lx) : NULL;
    char err[128];
    for (size_t i = 0; an->m && i < sizeof cues / sizeof cues[0]; i++)
        if (an_matcher_add(an->m, cues[i][0], cues[i][1], err, sizeof err) < 0)
            broken(err);
    if (an->m && an_matcher_compile(an->m) == 0)
        an->a = an_analyser_create(an->lx, an->m);
    if (!an->a)
        broken("out of memory making the analyser");
    return an;
}

/* Made once and kept between inputs: the lexicon is read-only after compile, and the rules
 * cost far more to load than a reply to score. */
static Analyser *an;
static Rules *rules;

void fuzz_analyser_release(void)
{
    if (an) {
        an_analyser_destroy(an->a);
        an_matcher_destroy(an->m);
        an_lexicon_destroy(an->lx);
        free(an);
        an = NULL;
    }
    rules_destroy(rules);
    rules = NULL;
}

int fuzz_features_input(const uint8_t *data, size_t size)
{
    if (!an)
        an = analyser_make();
    char *context, *reply;
    if (split(data, size, &context, &reply) != 0)
        return 0;
    const AnFeatures *f = an_analyse(an->a, context, reply);
    if (f)
        check_features(f);
    /* The reply read as a context, the other way round, must hold up as well. */
    f = an_analyse(an->a, reply, context);
    if (f)
        check_features(f);
    free(context);
    free(reply);
    return 0;
}

int fuzz_rules_input(const uint8_t *data, size_t size)
{
    if (!rules) {
        ScriptError err;
        rules = rules_load(".", &err);
        if (!rules)
            broken(err.message); /* run from the repository root */
    }
    char *context, *reply;
    if (split(data, size, &context, &reply) != 0)
        return 0;
    for (int role = 0; role < 2; role++) {
        MoveList ml;
        ScriptError err;
        int rc = rules_score(rules, context, reply, role ? ROLE_CUSTOMER : ROLE_AGENT, &ml, &err);
        /* The shipped rules never fail on any text, and each reason is valid UTF-8. */
        if (rc != 0)
            broken(err.message);
        for (int i = 0; i < ml.count; i++)
            if (!valid(ml.items[i].reason, strlen(ml.items[i].reason)) ||
                !valid(ml.items[i].tag, strlen(ml.items[i].tag)))
                broken("a move whose tag or reason is not valid UTF-8");
    }
    /* the instances the models read: every feature name is valid UTF-8 */
    const AnVector *v = rules_vectorize(rules, context, reply);
    for (int k = 0; v && k < v->n_feat; k++)
        if (!valid(an_vector_name(v, k), strlen(an_vector_name(v, k))))
            broken("a feature name that is not valid UTF-8");
    free(context);
    free(reply);
    return 0;
}

#ifndef FUZZ_NO_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef FUZZ_RULES
    return fuzz_rules_input(data, size);
#else
    return fuzz_features_input(data, size);
#endif
}
#endif
