/* an_features.c: computes AnFeatures for a reply against its context. All buffers live in
 * the AnAnalyser and are reused from call to call. Depends on libc only. */
#include "game/analysis/an_features.h"

#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_negation.h"

/* The small word lists (AN_K_* in an_features.h) are looked up once per token by hash, so no
 * token is compared with every list entry. */
#define KIND_SLOTS 512

struct AnAnalyser {
    const AnLexicon *lx;
    const AnMatcher *m;
    AnMatchScratch *scratch;
    AnWordCache *cache;
    AnTokens *rt, *ct;
    AnTokenInfo *info, *cinfo;
    size_t cap_info, cap_cinfo;
    AnSentence *sents;
    size_t cap_sents;
    AnClause *clauses, *cclauses;
    size_t cap_clauses, cap_cclauses;
    AnSpeller *speller;
    AnMatch matches[AN_HITS_MAX];
    int feeling_class, need_class, inner_class;
    uint8_t *rflags;
    size_t cap_rflags;
    int *prev, *cur; /* copy-run rows */
    uint64_t rhash[AN_WINDOW], chash[AN_WINDOW];
    uint32_t *rkind, *ckind; /* per token: the K_* lists its word is in */
    size_t cap_rkind, cap_ckind;
    uint64_t kind_key[KIND_SLOTS]; /* word hash -> K_* bits, open addressing */
    uint32_t kind_bits[KIND_SLOTS];
    uint64_t h_p1, h_p2, h_be; /* what folded pronouns and "am"/"are" hash to */
    AnFeatures f;
};

static const char *const FIRST[] = {"i", "me", "my", "mine", "myself"};
static const char *const SECOND[] = {"you", "your", "yours", "yourself", "yourselves"};
static const char *const WE[] = {"we", "us", "our", "ours", "ourselves"};
static const char *const WH[] = {"what", "how", "why", "where", "when", "who", "which", "whose"};
static const char *const AUX[] = {"do",  "does",  "did",   "is",    "are",    "was",  "were",
                                  "can", "could", "would", "will",  "should", "have", "has",
                                  "had", "am",    "may",   "might", "shall",  "else"};
static const char *const SUBJ[] = {"you", "i",    "we",   "it",       "that",   "there", "he",
                                   "she", "they", "this", "anything", "anyone", "any"};
static const char *const FILLER[] = {"so", "and",   "but",  "well", "okay", "ok",      "oh",
                                     "um", "uh",    "yeah", "now",  "then", "alright", "hmm",
                                     "mm", "right", "sure", "and",  "hm",   "mhm",     "huh"};
static const char *const THIRD[] = {"he",  "she",   "they",   "him",     "her",     "them",
                                    "his", "their", "theirs", "himself", "herself", "themselves"};
static const char *const IT[] = {"it", "this", "that", "there", "these", "those"};
static const char *const CONJ[] = {"and",   "but",      "so",    "because", "though", "although",
                                   "while", "whereas",  "cause", "unless",  "except", "which",
                                   "or",    "since",    "cos",   "however", "yet",    "if",
                                   "when",  "whenever", "once",  "until",   "after",  "before"};
static const char *const NEG[] = {"not",    "never", "no",      "nothing",
                                  "nobody", "none",  "neither", "nor"};
static const char *const LEAD[] = {
    "well",   "yeah", "yes",  "oh",   "okay", "ok",   "sure",     "look",     "listen",
    "wow",    "hey",  "um",   "uh",   "hmm",  "like", "honestly", "actually", "seriously",
    "right",  "so",   "and",  "but",  "yep",  "nope", "no",       "fine",     "alright",
    "ugh",    "god",  "lol",  "omg",  "just", "mm",   "mhm",      "huh",      "hm",
    "anyway", "also", "plus", "then", "now",  "ah",   "aw"};
static const char *const MODAL[] = {"will", "would", "can", "could", "should",
                                    "must", "might", "may", "shall"};

static uint64_t fnv(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static void kind_add(AnAnalyser *a, const char *const *list, size_t n, uint32_t bit)
{
    for (size_t k = 0; k < n; k++) {
        uint64_t h = fnv(list[k]);
        uint32_t i = (uint32_t)h & (KIND_SLOTS - 1);
        while (a->kind_key[i] != 0 && a->kind_key[i] != h)
            i = (i + 1) & (KIND_SLOTS - 1);
        a->kind_key[i] = h;
        a->kind_bits[i] |= bit;
    }
}
#define KIND_ADD(a, L, bit) kind_add((a), (L), sizeof(L) / sizeof(L)[0], (bit))

static uint32_t kind_of(const AnAnalyser *a, uint64_t h)
{
    for (uint32_t i = (uint32_t)h & (KIND_SLOTS - 1); a->kind_key[i] != 0;
         i = (i + 1) & (KIND_SLOTS - 1))
        if (a->kind_key[i] == h)
            return a->kind_bits[i];
    return 0;
}

static void kinds_init(AnAnalyser *a)
{
    static const char *const BE[] = {"am", "are"}, *const POSS[] = {"my", "your"};
    static const char *const ELSE[] = {"else"};
    static const char *const TAGW[] = {"yes", "no", "really", "yep", "nope", "mmm"};
    static const char *const PERS[] = {"i", "you", "we", "he", "she", "they"};
    static const char *const NP[] = {"the",  "a",        "an",     "your",       "my",
                                     "his",  "her",      "their",  "our",        "someone",
                                     "some", "somebody", "people", "everything", "everyone"};
    static const char *const ANY[] = {"any", "anything", "anyone", "anybody"};
    static const char *const PREP[] = {"about", "in", "on",   "at", "for",
                                       "from",  "to", "with", "by"};
    KIND_ADD(a, FIRST, AN_K_FIRST);
    KIND_ADD(a, SECOND, AN_K_SECOND);
    KIND_ADD(a, WE, AN_K_WE);
    KIND_ADD(a, WH, AN_K_WH);
    KIND_ADD(a, AUX, AN_K_AUX);
    KIND_ADD(a, SUBJ, AN_K_SUBJ);
    KIND_ADD(a, FILLER, AN_K_FILLER);
    KIND_ADD(a, BE, AN_K_BE);
    KIND_ADD(a, POSS, AN_K_POSS);
    KIND_ADD(a, ELSE, AN_K_ELSE);
    KIND_ADD(a, TAGW, AN_K_TAGW);
    KIND_ADD(a, PERS, AN_K_PERS);
    KIND_ADD(a, NP, AN_K_NP);
    KIND_ADD(a, ANY, AN_K_ANY);
    KIND_ADD(a, PREP, AN_K_PREP);
    KIND_ADD(a, THIRD, AN_K_THIRD);
    KIND_ADD(a, IT, AN_K_IT);
    KIND_ADD(a, CONJ, AN_K_CONJ);
    KIND_ADD(a, NEG, AN_K_NEG);
    KIND_ADD(a, LEAD, AN_K_LEAD);
    KIND_ADD(a, MODAL, AN_K_MODAL);
    a->h_p1 = fnv("P1");
    a->h_p2 = fnv("P2");
    a->h_be = fnv("BE");
}

AnAnalyser *an_analyser_create(const AnLexicon *lx, const AnMatcher *m)
{
    AnAnalyser *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->lx = lx;
    a->m = m;
    a->scratch = an_match_scratch_create(m);
    a->cache = an_word_cache_create();
    a->rt = an_tokens_create();
    a->ct = an_tokens_create();
    a->prev = malloc((AN_WINDOW + 1) * sizeof(int));
    a->cur = malloc((AN_WINDOW + 1) * sizeof(int));
    if (!a->scratch || !a->cache || !a->rt || !a->ct || !a->prev || !a->cur) {
        an_analyser_destroy(a);
        return NULL;
    }
    a->feeling_class = an_lexicon_class_id(lx, "feeling");
    a->need_class = an_lexicon_class_id(lx, "need");
    a->inner_class = an_lexicon_class_id(lx, "inner");
    kinds_init(a);
    return a;
}

void an_analyser_destroy(AnAnalyser *a)
{
    if (!a)
        return;
    an_match_scratch_destroy(a->scratch);
    an_word_cache_destroy(a->cache);
    an_tokens_destroy(a->rt);
    an_tokens_destroy(a->ct);
    free(a->info);
    free(a->cinfo);
    free(a->sents);
    free(a->clauses);
    free(a->rflags);
    free(a->cclauses);
    free(a->prev);
    free(a->cur);
    free(a->rkind);
    free(a->ckind);
    free(a);
}

static int reserve(void **p, size_t *cap, size_t need, size_t elem)
{
    if (*cap >= need)
        return 0;
    size_t n = need + 32;
    void *q = realloc(*p, n * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

/* Tokenizes and annotates S; fills KIND (the K_* bits of each token) and, for the first
 * AN_WINDOW tokens, HASH with the pronoun-folded word hashes the copy search compares. */
static int read_text(AnAnalyser *a, AnTokens *t, AnTokenInfo **info, size_t *cap, uint32_t **kind,
                     size_t *cap_kind, uint64_t *hash, const char *s)
{
    if (an_tokenize(t, s ? s : "", s ? strlen(s) : 0) < 0 ||
        an_speller_fix_tokens(a->speller, t) < 0)
        return -1;
    if (reserve((void **)info, cap, (size_t)t->count + 1, sizeof(AnTokenInfo)) < 0 ||
        reserve((void **)kind, cap_kind, (size_t)t->count + 1, sizeof(uint32_t)) < 0)
        return -1;
    an_lexicon_annotate_cached(a->lx, a->cache, t, *info);
    an_negation_mark(t, *info);
    for (int i = 0; i < t->count; i++) {
        uint64_t h = 0;
        uint32_t k = 0;
        if (t->items[i].kind == AN_TOK_WORD) {
            h = fnv(an_token_text(t, i));
            k = kind_of(a, h);
            if (k & (AN_K_FIRST | AN_K_SECOND))
                h = k & AN_K_POSS ? a->h_p2 : a->h_p1;
            else if (k & AN_K_BE)
                h = a->h_be;
        }
        (*kind)[i] = k;
        if (i < AN_WINDOW)
            hash[i] = h;
    }
    return 0;
}

static bool is_feeling(const AnAnalyser *a, const AnTokenInfo *ti)
{
    return a->feeling_class >= 0 && ((ti->classes >> a->feeling_class) & 1);
}

/* ---- sentences and questions ------------------------------------------------------- */

static bool word_in(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return true;
    return false;
}

/* A wh-question that asks for one fact (a time, a place, a number, a person, a choice):
 * "What time does it start?", "When is it?", "How many were there?", "Which one?". LABELS.md
 * calls it question_closed; "What happened?", "How do you feel?", "Why?" stay open. */
static bool one_fact(const char *w, const char *w2)
{
    static const char *const FACT_WH[] = {"when", "where", "who", "whom", "which", "whose", NULL};
    static const char *const WHAT_FACT[] = {
        "time",  "day",    "date",   "year",  "month",  "age",  "size",     "colour",
        "color", "number", "street", "floor", "flight", "gate", "platform", NULL};
    static const char *const HOW_FACT[] = {"many", "much", "long", "often",
                                           "old",  "far",  "soon", NULL};
    if (word_in(w, FACT_WH))
        return true;
    if (strcmp(w, "what") == 0 || strcmp(w, "which") == 0)
        return word_in(w2, WHAT_FACT);
    return strcmp(w, "how") == 0 && word_in(w2, HOW_FACT);
}

static AnQuestion question_kind(const AnTokens *t, const uint32_t *kind, const AnSentence *s)
{
    if (s->first >= s->end)
        return AN_Q_NONE;
    int i = s->first;
    const char *w = an_token_text(t, i);
    const char *w2 = i + 1 < s->end ? an_token_text(t, i + 1) : "";
    uint32_t k = kind[i], k2 = i + 1 < s->end ? kind[i + 1] : 0;
    bool tell = strcmp(w, "tell") == 0 && strcmp(w2, "me") == 0;
    if (s->marked)
        return ((k & AN_K_WH) && !one_fact(w, w2)) || tell ? AN_Q_OPEN : AN_Q_CLOSED;
    if ((k & AN_K_WH) && ((k2 & AN_K_AUX) || strcmp(w2, "about") == 0))
        return one_fact(w, w2) ? AN_Q_CLOSED : AN_Q_OPEN;
    if (tell && i + 2 < s->end) {
        const char *w3 = an_token_text(t, i + 2);
        if (strcmp(w3, "more") == 0 || strcmp(w3, "about") == 0 || (kind[i + 2] & AN_K_WH))
            return AN_Q_OPEN;
    }
    if ((k & AN_K_AUX) && !(k & AN_K_ELSE) && (k2 & AN_K_SUBJ))
        return AN_Q_CLOSED;
    return AN_Q_NONE;
}

static void count_persons(const AnTokens *t, const uint32_t *kind, AnSentence *s)
{
    for (int i = s->start; i < s->end; i++) {
        if (t->items[i].kind != AN_TOK_WORD)
            continue;
        s->words++;
        s->first_person += (kind[i] & AN_K_FIRST) != 0;
        s->second_person += (kind[i] & AN_K_SECOND) != 0;
        s->we += (kind[i] & AN_K_WE) != 0;
    }
}

static void split_sentences(AnAnalyser *a, AnFeatures *f)
{
    const AnTokens *t = a->rt;
    int n = 0;
    for (int i = 0; i < t->count;) {
        AnSentence *s = &a->sents[n++];
        memset(s, 0, sizeof *s);
        s->start = i;
        while (i < t->count && t->items[i].sentence == t->items[s->start].sentence)
            i++;
        s->end = i;
        s->marked = t->items[i - 1].kind == AN_TOK_SENT_END && an_token_text(t, i - 1)[0] == '?';
        s->first = s->start;
        while (s->first < s->end &&
               (t->items[s->first].kind == AN_TOK_PUNCT ||
                (t->items[s->first].kind == AN_TOK_WORD && (a->rkind[s->first] & AN_K_FILLER))))
            s->first++;
        s->question = question_kind(t, a->rkind, s);
        count_persons(t, a->rkind, s);
        f->first_person += s->first_person;
        f->second_person += s->second_person;
        f->questions += s->question != AN_Q_NONE;
        f->open_questions += s->question == AN_Q_OPEN;
        f->closed_questions += s->question == AN_Q_CLOSED;
    }
    f->sents = a->sents;
    f->n_sents = n;
}

/* ---- echo, feelings, copying -------------------------------------------------------- */

static bool ctx_has_stem(const AnAnalyser *a, uint64_t stem, bool content_only)
{
    int n = a->ct->count < AN_WINDOW ? a->ct->count : AN_WINDOW;
    for (int i = 0; i < n; i++)
        if ((!content_only || a->cinfo[i].content) && a->cinfo[i].stem_hash == stem)
            return true;
    return false;
}

static bool ctx_has_family(const AnAnalyser *a, int family)
{
    for (int i = 0; i < a->ct->count && i < AN_WINDOW; i++)
        if (a->cinfo[i].family == family && is_feeling(a, &a->cinfo[i]))
            return true;
    return false;
}

/* The context holds a word of feeling or need family FAMILY. */
static bool ctx_has_any_family(const AnAnalyser *a, int family)
{
    for (int i = 0; i < a->ct->count && i < AN_WINDOW; i++)
        if (a->cinfo[i].family == family)
            return true;
    return false;
}

static bool seen_stem(const AnAnalyser *a, const int *list, int n, uint64_t stem)
{
    for (int k = 0; k < n; k++)
        if (a->info[list[k]].stem_hash == stem)
            return true;
    return false;
}

static bool ctx_has_number(const AnAnalyser *a, const char *num)
{
    for (int i = 0; i < a->ct->count && i < AN_WINDOW; i++)
        if (a->ct->items[i].kind == AN_TOK_NUMBER && strcmp(an_token_text(a->ct, i), num) == 0)
            return true;
    return false;
}

/* What each reply token is: the partner's word, a feeling or need, the partner's number
 * (AN_T_*). Tokens past AN_WINDOW are read against the context's first AN_WINDOW tokens. */
/* A word of two letters or more typed all in capitals ("I" and "OK" are not stress). */
static bool shouted(const AnTokens *t, int i)
{
    const char *p = t->clean + t->items[i].start, *e = t->clean + t->items[i].end;
    int upper = 0;
    for (; p < e; p++) {
        if (*p >= 'a' && *p <= 'z')
            return false;
        upper += *p >= 'A' && *p <= 'Z';
    }
    return upper >= 2 && strcmp(an_token_text(t, i), "ok") != 0;
}

static void token_flags(AnAnalyser *a, AnFeatures *f)
{
    for (int i = 0; i < a->rt->count; i++) {
        const AnTokenInfo *ti = &a->info[i];
        uint8_t fl = 0;
        if (a->rt->items[i].kind == AN_TOK_NUMBER)
            fl |= ctx_has_number(a, an_token_text(a->rt, i)) ? AN_T_NUMBER_ECHO : AN_T_NUMBER;
        if (a->rt->items[i].kind == AN_TOK_WORD && ti->content) {
            if (ctx_has_stem(a, ti->stem_hash, true))
                fl |= AN_T_ECHO;
            else if (ti->family >= 0 && ctx_has_any_family(a, ti->family))
                fl |= AN_T_FAMILY;
            if (is_feeling(a, ti))
                fl |= AN_T_FEELING;
            if (a->need_class >= 0 && ((ti->classes >> a->need_class) & 1))
                fl |= AN_T_NEED;
            if (a->inner_class >= 0 && ((ti->classes >> a->inner_class) & 1))
                fl |= AN_T_INNER;
        }
        if (a->rt->items[i].kind == AN_TOK_WORD && shouted(a->rt, i))
            fl |= AN_T_CAPS;
        a->rflags[i] = fl;
    }
    f->flags = a->rflags;
}

static void echo_and_feelings(AnAnalyser *a, AnFeatures *f)
{
    int content = 0, shared = 0, related = 0;
    int n = a->rt->count < AN_WINDOW ? a->rt->count : AN_WINDOW;
    for (int i = 0; i < a->rt->count; i++) {
        const AnTokenInfo *ti = &a->info[i];
        if (a->rt->items[i].kind == AN_TOK_WORD)
            f->words++;
        if (!ti->content || a->rt->items[i].kind != AN_TOK_WORD)
            continue;
        f->content_words++;
        if (i >= n)
            continue;
        bool echoed = ctx_has_stem(a, ti->stem_hash, true);
        bool kin = ti->family >= 0 && ctx_has_any_family(a, ti->family);
        content++;
        shared += echoed;
        related += echoed || kin;
        a->sents[a->rt->items[i].sentence].content++;
        a->sents[a->rt->items[i].sentence].related += echoed || kin;
        f->family_echo += kin;
        if (echoed)
            a->sents[a->rt->items[i].sentence].echoes++;
        if (is_feeling(a, ti) && !ti->negated && f->n_feelings < AN_LIST_MAX &&
            !seen_stem(a, f->feelings, f->n_feelings, ti->stem_hash)) {
            f->feeling_echoed[f->n_feelings] =
                echoed || (ti->family >= 0 && ctx_has_family(a, ti->family));
            f->feelings[f->n_feelings++] = i;
        }
        if (echoed && f->n_echo < AN_LIST_MAX && !seen_stem(a, f->echo, f->n_echo, ti->stem_hash))
            f->echo[f->n_echo++] = i;
    }
    f->overlap = content ? (double)shared / content : 0.0;
    f->overlap_family = content ? (double)related / content : 0.0;
    f->topic_shift = content ? 1.0 - f->overlap : 0.0;
}

static void copying(AnAnalyser *a, AnFeatures *f)
{
    int rn = a->rt->count < AN_WINDOW ? a->rt->count : AN_WINDOW;
    int cn = a->ct->count < AN_WINDOW ? a->ct->count : AN_WINDOW;
    int covered = 0, words = 0, cover_to = -1;
    memset(a->prev, 0, (size_t)(cn + 1) * sizeof(int));
    for (int j = 0; j < rn; j++) {
        bool word = a->rt->items[j].kind == AN_TOK_WORD;
        int best = 0;
        a->cur[0] = 0;
        for (int i = 0; i < cn; i++) {
            bool eq = word && a->chash[i] != 0 && a->chash[i] == a->rhash[j];
            a->cur[i + 1] = eq ? a->prev[i] + 1 : 0;
            if (a->cur[i + 1] > best)
                best = a->cur[i + 1];
        }
        int *tmp = a->prev;
        a->prev = a->cur;
        a->cur = tmp;
        if (!word)
            continue;
        words++;
        if (best > f->longest_copy)
            f->longest_copy = best;
        if (best >= 3) {
            int from = j - best + 1 > cover_to + 1 ? j - best + 1 : cover_to + 1;
            covered += j - from + 1;
            cover_to = j;
        }
    }
    (void)words;
    f->parrot = f->words ? (double)(covered > f->words ? f->words : covered) / f->words : 0.0;
}

/* ---- asking ----------------------------------------------------------------------- */

/* A reply asks when a sentence is a question in form (a wh-word, an auxiliary before its
 * subject, "tell me...", "I wonder...") or ends in '?' without being a statement about the
 * partner ("So you're feeling stuck?" gives their side back; LABELS.md still calls it
 * question_closed for players). Used for heard eval's "question" tag only. */

static bool word_is(const AnTokens *t, int i, int end, const char *w)
{
    return i < end && t->items[i].kind == AN_TOK_WORD && strcmp(an_token_text(t, i), w) == 0;
}

static bool is_word(const AnTokens *t, int i, int end)
{
    return i < end && t->items[i].kind == AN_TOK_WORD;
}

/* Where the clause starting at token I really begins: past punctuation, fillers, "or",
 * "I mean", and a stutter ("wh-what", "is-- are") that the next word restarts. */
static int clause_start(const AnAnalyser *a, int i, int end)
{
    const AnTokens *t = a->rt;
    for (;;) {
        while (i < end && (t->items[i].kind == AN_TOK_PUNCT ||
                           (t->items[i].kind == AN_TOK_WORD &&
                            ((a->rkind[i] & AN_K_FILLER) || word_is(t, i, end, "or")))))
            i++;
        if (!is_word(t, i, end) || !is_word(t, i + 1, end))
            return i;
        const char *w = an_token_text(t, i), *w2 = an_token_text(t, i + 1);
        if (strcmp(w, "i") == 0 && strcmp(w2, "mean") == 0)
            i += 2;
        else if (strncmp(w2, w, strlen(w)) == 0 || (a->rkind[i] & a->rkind[i + 1] & AN_K_AUX))
            i++;
        else
            return i;
    }
}

/* True when the clause starting at token I is a question in form; LEAD when it opens the
 * sentence ("Did you?" asks; ", didn't you?" at the end of a statement is a tag). */
static bool asks_at(const AnAnalyser *a, int i, int end, bool marked, bool lead)
{
    const AnTokens *t = a->rt;
    const uint32_t *k = a->rkind;
    i = clause_start(a, i, end);
    if (!is_word(t, i, end))
        return false;
    if ((k[i] & AN_K_PREP) && is_word(t, i + 1, end) && (k[i + 1] & AN_K_WH))
        i++; /* "in what way...", "about how much..." */
    const char *w = an_token_text(t, i);
    if (k[i] & AN_K_WH) {
        if (!is_word(t, i + 1, end))
            return marked; /* "Why?" */
        if (k[i + 1] & AN_K_PERS)
            return false; /* "what you said...", "how I see it" */
        if (marked || word_is(t, i + 1, end, "about"))
            return true;
        if ((k[i + 1] & AN_K_AUX) && is_word(t, i + 2, end) && (k[i + 2] & (AN_K_SUBJ | AN_K_NP)))
            return true; /* "what is your plan", not "which is why" */
        for (int j = i + 2; j < i + 4 && j + 1 < end; j++) /* "how much do you..." */
            if ((k[j] & AN_K_AUX) && !(k[j] & AN_K_ELSE) && (k[j + 1] & AN_K_SUBJ))
                return true;
        return false;
    }
    if (!marked && !lead)
        return false; /* mid-sentence without '?': only a wh-question counts */
    if ((k[i] & AN_K_AUX) && !(k[i] & AN_K_ELSE)) {
        int j = word_is(t, i + 1, end, "not") ? i + 2 : i + 1;
        bool subject = is_word(t, j, end) && ((k[j] & AN_K_SUBJ) || (marked && (k[j] & AN_K_NP)));
        return subject && (lead || is_word(t, j + 1, end));
    }
    if (strcmp(w, "tell") == 0 || strcmp(w, "walk") == 0)
        return word_is(t, i + 1, end, "me") || word_is(t, i + 1, end, "us");
    if (strcmp(w, "say") == 0 || strcmp(w, "share") == 0 || strcmp(w, "talk") == 0)
        return word_is(t, i + 1, end, "more") || word_is(t, i + 1, end, "about") ||
               word_is(t, i + 1, end, "something") || word_is(t, i + 2, end, "more");
    return marked && (k[i] & AN_K_ANY);
}

/* A '?' sentence that asks at its end: a wh-word left in place ("You do this how often?",
 * "My what?"), an open alternative ("..., or?"), or a question after the statement with no
 * comma ("...when you go out is that right?"). */
static bool asks_at_end(const AnAnalyser *a, const AnSentence *s)
{
    const AnTokens *t = a->rt;
    int last = s->end - 1, n = 0;
    while (last >= s->start && t->items[last].kind != AN_TOK_WORD)
        last--;
    if (last < s->first)
        return false;
    if (word_is(t, last, s->end, "or"))
        return true;
    const uint32_t *k = a->rkind; /* "...to talk to guys is that right?" */
    if (last - 2 >= s->first && is_word(t, last - 2, s->end) && is_word(t, last - 1, s->end) &&
        (k[last - 2] & AN_K_AUX) && !(k[last - 2] & AN_K_ELSE) && (k[last - 1] & AN_K_SUBJ))
        return true;
    for (int i = last; i >= s->first && n < 2; i--, n++)
        if (t->items[i].kind == AN_TOK_WORD && (a->rkind[i] & AN_K_WH) &&
            !(i > s->start && word_is(t, i - 1, s->end, "know"))) /* "you know what?" */
            return true;
    return false;
}

/* True when the words after token J, past commas and fillers, open a yes/no clause with
 * "if" or "whether". */
static bool if_clause_after(const AnAnalyser *a, int j, int end)
{
    const AnTokens *t = a->rt;
    int i = j + 1;
    while (i < end && (t->items[i].kind == AN_TOK_PUNCT ||
                       (t->items[i].kind == AN_TOK_WORD && (a->rkind[i] & AN_K_FILLER))))
        i++;
    return word_is(t, i, end, "if") || word_is(t, i, end, "whether");
}

/* "I wonder what...", "I'm curious...", "I'd like to know...": asking without the form.
 * Without a '?', "I wonder if/whether..." puts forward a tentative reading or suggestion
 * ("I'm wondering whether it's worth trying..."), the counsellor's hedge, not a question. */
static bool wonders(const AnAnalyser *a, const AnSentence *s)
{
    const AnTokens *t = a->rt;
    for (int i = s->start; i < s->end; i++) {
        if (!word_is(t, i, s->end, "i"))
            continue;
        for (int j = i + 1; j < i + 4 && j < s->end; j++) {
            const char *w = an_token_text(t, j);
            if (strcmp(w, "wonder") == 0 || strcmp(w, "wondering") == 0)
                return s->marked || !if_clause_after(a, j, s->end);
            if (strcmp(w, "curious") == 0)
                return true;
            if ((strcmp(w, "like") == 0 || strcmp(w, "love") == 0) &&
                word_is(t, j + 1, s->end, "to") &&
                (word_is(t, j + 2, s->end, "know") || word_is(t, j + 2, s->end, "hear")))
                return true;
        }
    }
    return false;
}

enum { ASKS_NO, ASKS_YES, ASKS_OPEN };

/* ASKS_YES when sentence S asks, ASKS_OPEN when it is a '?' on a statement about the
 * partner (their "you" or their words), which may ask for confirmation or only give their
 * side back: the words alone do not say, so the fitted model decides (an_model.h). */
static int sentence_asks(const AnAnalyser *a, const AnSentence *s)
{
    const AnTokens *t = a->rt;
    bool tags_only = true;
    for (int i = s->first; i < s->end && tags_only; i++)
        if (t->items[i].kind == AN_TOK_WORD && !(a->rkind[i] & (AN_K_FILLER | AN_K_TAGW)))
            tags_only = false;
    if (tags_only) /* "Yeah?", "Okay?": keeps the talk going */
        return ASKS_NO;
    if (asks_at(a, s->first, s->end, s->marked, true) || wonders(a, s) ||
        (s->marked && asks_at_end(a, s)))
        return ASKS_YES;
    for (int i = s->first; i < s->end; i++) /* "..., what do you make of it?" */
        if ((t->items[i].kind == AN_TOK_PUNCT || word_is(t, i, s->end, "or")) &&
            asks_at(a, i + 1, s->end, s->marked, false))
            return ASKS_YES;
    if (!s->marked)
        return ASKS_NO;
    /* a '?' on a statement asks unless it is about the partner: their "you" or their words */
    return s->second_person == 0 && s->echoes == 0 ? ASKS_YES : ASKS_OPEN;
}

static bool is_quote(const AnTokens *t, int i)
{
    const char *p = t->clean + t->items[i].start;
    return p[0] == '"' ||
           (strncmp(p, "\xE2\x80\x9C", 3) == 0 || strncmp(p, "\xE2\x80\x9D", 3) == 0);
}

/* Sentences that ask. Quoted words do not: a sentence that begins inside quotation marks is
 * left out, and one that ends inside them is read up to the quote, without its mark
 * ("Oh, what if it happens again?" quotes the partner's thought, it does not ask it). */
static void asking(AnAnalyser *a, AnFeatures *f)
{
    const AnTokens *t = a->rt;
    bool quoted = false;
    for (int si = 0; si < f->n_sents; si++) {
        AnSentence *s = &a->sents[si];
        bool quoted_at_start = quoted;
        int opened = -1;
        for (int i = s->start; i < s->end; i++)
            if (t->items[i].kind == AN_TOK_PUNCT && is_quote(t, i)) {
                quoted = !quoted;
                opened = quoted ? i : -1;
                if (i < s->first)
                    quoted_at_start = quoted;
            }
        AnSentence own = *s;
        if (quoted && opened >= 0) {
            own.end = opened;
            own.marked = false;
        }
        int how = s->words > 0 && !quoted_at_start && own.first < own.end ? sentence_asks(a, &own)
                                                                          : ASKS_NO;
        s->asks = how == ASKS_YES;
        s->said_back = how == ASKS_OPEN;
        f->asking += s->asks;
        f->said_back += s->said_back;
    }
}

static void context_stats(AnAnalyser *a, AnFeatures *f)
{
    for (int i = 0; i < a->ct->count; i++) {
        if (a->ct->items[i].kind != AN_TOK_WORD)
            continue;
        f->ctx_words++;
        f->ctx_first_person += (a->ckind[i] & AN_K_FIRST) != 0;
        f->ctx_second_person += (a->ckind[i] & AN_K_SECOND) != 0;
        f->ctx_feelings += is_feeling(a, &a->cinfo[i]) && !a->cinfo[i].negated;
        f->ctx_families += a->cinfo[i].family >= 0;
    }
}

static void cue_hits(AnAnalyser *a, AnFeatures *f)
{
    int n = an_matcher_run(a->m, a->scratch, a->rt, a->info, a->matches, AN_HITS_MAX);
    for (int k = 0; k < n; k++) {
        const AnMatch *mt = &a->matches[k];
        f->hits[k] = (AnHit){mt->cue, mt->start, mt->end, (int)a->rt->items[mt->start].sentence,
                             a->info[mt->start].negated};
    }
    f->n_hits = n;
}

void an_analyser_set_speller(AnAnalyser *a, AnSpeller *sp)
{
    a->speller = sp;
}

const AnFeatures *an_analyse(AnAnalyser *a, const char *context, const char *reply)
{
    AnFeatures *f = &a->f;
    memset(f, 0, sizeof *f);
    if (read_text(a, a->rt, &a->info, &a->cap_info, &a->rkind, &a->cap_rkind, a->rhash, reply) <
            0 ||
        read_text(a, a->ct, &a->cinfo, &a->cap_cinfo, &a->ckind, &a->cap_ckind, a->chash, context) <
            0 ||
        reserve((void **)&a->sents, &a->cap_sents, (size_t)a->rt->sentences + 1,
                sizeof(AnSentence)) < 0 ||
        reserve((void **)&a->clauses, &a->cap_clauses, (size_t)a->rt->count + 1, sizeof(AnClause)) <
            0 ||
        reserve((void **)&a->cclauses, &a->cap_cclauses, (size_t)a->ct->count + 1,
                sizeof(AnClause)) < 0 ||
        reserve((void **)&a->rflags, &a->cap_rflags, (size_t)a->rt->count + 1, 1) < 0)
        return NULL;
    f->reply = a->rt;
    f->context = a->ct;
    f->info = a->info;
    f->cinfo = a->cinfo;
    f->kinds = a->rkind;
    f->ckinds = a->ckind;
    f->n_clauses = an_clauses_split(a->rt, a->rkind, a->clauses, (int)a->cap_clauses);
    f->clauses = a->clauses;
    f->n_cclauses = an_clauses_split(a->ct, a->ckind, a->cclauses, (int)a->cap_cclauses);
    f->cclauses = a->cclauses;
    split_sentences(a, f);
    context_stats(a, f);
    echo_and_feelings(a, f);
    token_flags(a, f);
    copying(a, f);
    asking(a, f);
    cue_hits(a, f);
    f->perspective_shift = f->ctx_first_person > 0 && f->second_person > 0;
    return f;
}

const char *an_features_span(const AnFeatures *f, int start, int end, size_t *len)
{
    const AnTokens *t = f->reply;
    if (start < 0 || end > t->count || start >= end) {
        *len = 0;
        return "";
    }
    uint32_t b = t->items[start].start, e = t->items[end - 1].end;
    for (int i = start; i < end; i++)
        if (t->items[i].end > e)
            e = t->items[i].end;
    *len = e > b ? e - b : 0;
    return t->clean + b;
}
