/* an_stem.c: Porter2 English stemmer, written from the published rule description.
 * Works on a small fixed buffer; 'Y' marks a consonant y while the rules run.
 * Depends on libc only. */
#include "game/analysis/an_stem.h"

#include <string.h>

typedef struct Word {
    char w[AN_STEM_MAX];
    int n;      /* current length */
    int r1, r2; /* region starts */
} Word;

static int vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static int ends(const Word *x, const char *suf)
{
    int k = (int)strlen(suf);
    return x->n >= k && memcmp(x->w + x->n - k, suf, (size_t)k) == 0;
}

/* Replaces the last CUT bytes with REP. */
static void put(Word *x, int cut, const char *rep)
{
    int k = (int)strlen(rep);
    x->n -= cut;
    if (x->n + k >= AN_STEM_MAX)
        return;
    memcpy(x->w + x->n, rep, (size_t)k);
    x->n += k;
}

static int region_after(const Word *x, int from)
{
    for (int i = from + 1; i < x->n; i++)
        if (!vowel(x->w[i]) && vowel(x->w[i - 1]))
            return i + 1;
    return x->n;
}

/* True when a short syllable ends at P (exclusive). */
static int short_syllable(const Word *x, int p)
{
    const char *w = x->w;
    if (p >= 3 && !vowel(w[p - 3]) && vowel(w[p - 2]) && !vowel(w[p - 1]) && w[p - 1] != 'w' &&
        w[p - 1] != 'x' && w[p - 1] != 'Y')
        return 1;
    return p == 2 && vowel(w[0]) && !vowel(w[1]);
}

static int has_vowel(const Word *x, int upto)
{
    for (int i = 0; i < upto; i++)
        if (vowel(x->w[i]))
            return 1;
    return 0;
}

static void step1a(Word *x)
{
    if (ends(x, "sses")) {
        put(x, 2, "");
    } else if (ends(x, "ied") || ends(x, "ies")) {
        put(x, 3, x->n - 3 > 1 ? "i" : "ie");
    } else if (ends(x, "us") || ends(x, "ss")) {
        return;
    } else if (ends(x, "s") && has_vowel(x, x->n - 2)) {
        put(x, 1, "");
    }
}

static void step1b(Word *x)
{
    static const char *const EED[] = {"eedly", "eed"};
    static const char *const ED[] = {"ingly", "edly", "ing", "ed"};
    for (int i = 0; i < 2; i++) {
        if (ends(x, EED[i])) {
            int k = (int)strlen(EED[i]);
            if (x->n - k >= x->r1)
                put(x, k, "ee");
            return;
        }
    }
    for (int i = 0; i < 4; i++) {
        int k = (int)strlen(ED[i]);
        if (!ends(x, ED[i]))
            continue;
        if (!has_vowel(x, x->n - k))
            return;
        put(x, k, "");
        if (ends(x, "at") || ends(x, "bl") || ends(x, "iz")) {
            put(x, 0, "e");
        } else if (x->n >= 2 && x->w[x->n - 1] == x->w[x->n - 2] &&
                   strchr("bdfgmnprt", x->w[x->n - 1])) {
            put(x, 1, "");
        } else if (short_syllable(x, x->n) && x->r1 >= x->n) {
            put(x, 0, "e");
        }
        return;
    }
}

static void step1c(Word *x)
{
    if (x->n > 2 && (x->w[x->n - 1] == 'y' || x->w[x->n - 1] == 'Y') && !vowel(x->w[x->n - 2]))
        x->w[x->n - 1] = 'i';
}

typedef struct Rule {
    const char *suf, *rep;
} Rule;

/* Finds the longest suffix of RULES (sorted longest first) and applies it when in R1. */
static void step2(Word *x)
{
    static const Rule R[] = {
        {"ization", "ize"}, {"ational", "ate"}, {"fulness", "ful"}, {"ousness", "ous"},
        {"iveness", "ive"}, {"tional", "tion"}, {"biliti", "ble"},  {"lessli", "less"},
        {"entli", "ent"},   {"ation", "ate"},   {"alism", "al"},    {"aliti", "al"},
        {"ousli", "ous"},   {"iviti", "ive"},   {"fulli", "ful"},   {"enci", "ence"},
        {"anci", "ance"},   {"abli", "able"},   {"izer", "ize"},    {"ator", "ate"},
        {"alli", "al"},     {"bli", "ble"},     {"ogi", "og"},      {"li", ""}};
    for (size_t i = 0; i < sizeof R / sizeof R[0]; i++) {
        int k = (int)strlen(R[i].suf);
        if (!ends(x, R[i].suf))
            continue;
        if (x->n - k < x->r1)
            return;
        if (strcmp(R[i].suf, "ogi") == 0 && !(x->n - k > 0 && x->w[x->n - k - 1] == 'l'))
            return;
        if (strcmp(R[i].suf, "li") == 0 && !(x->n - k > 0 && strchr("cdeghkmnrt", x->w[x->n - 3])))
            return;
        put(x, k, R[i].rep);
        return;
    }
}

static void step3(Word *x)
{
    static const Rule R[] = {{"ational", "ate"}, {"tional", "tion"}, {"alize", "al"},
                             {"icate", "ic"},    {"iciti", "ic"},    {"ative", ""},
                             {"ical", "ic"},     {"ness", ""},       {"ful", ""}};
    for (size_t i = 0; i < sizeof R / sizeof R[0]; i++) {
        int k = (int)strlen(R[i].suf);
        if (!ends(x, R[i].suf))
            continue;
        if (x->n - k < x->r1)
            return;
        if (strcmp(R[i].suf, "ative") == 0 && x->n - k < x->r2)
            return;
        put(x, k, R[i].rep);
        return;
    }
}

static void step4(Word *x)
{
    static const char *const S[] = {"ement", "ance", "ence", "able", "ible", "ment",
                                    "ant",   "ent",  "ism",  "ate",  "iti",  "ous",
                                    "ive",   "ize",  "ion",  "al",   "er",   "ic"};
    for (size_t i = 0; i < sizeof S / sizeof S[0]; i++) {
        int k = (int)strlen(S[i]);
        if (!ends(x, S[i]))
            continue;
        if (x->n - k < x->r2)
            return;
        if (strcmp(S[i], "ion") == 0 &&
            !(x->n - k > 0 && (x->w[x->n - k - 1] == 's' || x->w[x->n - k - 1] == 't')))
            return;
        put(x, k, "");
        return;
    }
}

static void step5(Word *x)
{
    if (ends(x, "e")) {
        if (x->n - 1 >= x->r2 || (x->n - 1 >= x->r1 && !short_syllable(x, x->n - 1)))
            put(x, 1, "");
    } else if (ends(x, "l") && x->n - 1 >= x->r2 && x->n >= 2 && x->w[x->n - 2] == 'l') {
        put(x, 1, "");
    }
}

static const char *exception1(const char *w)
{
    static const char *const E[][2] = {
        {"skis", "ski"},    {"skies", "sky"},  {"dying", "die"},    {"lying", "lie"},
        {"tying", "tie"},   {"idly", "idl"},   {"gently", "gentl"}, {"ugly", "ugli"},
        {"early", "earli"}, {"only", "onli"},  {"singly", "singl"}, {"sky", "sky"},
        {"news", "news"},   {"howe", "howe"},  {"atlas", "atlas"},  {"cosmos", "cosmos"},
        {"bias", "bias"},   {"andes", "andes"}};
    for (size_t i = 0; i < sizeof E / sizeof E[0]; i++)
        if (strcmp(w, E[i][0]) == 0)
            return E[i][1];
    return NULL;
}

/* Words left alone once step 1a has run. */
static int exception2(const char *w)
{
    static const char *const E[] = {"inning",  "outing",  "canning", "herring",
                                    "earring", "proceed", "exceed",  "succeed"};
    for (size_t i = 0; i < sizeof E / sizeof E[0]; i++)
        if (strcmp(w, E[i]) == 0)
            return 1;
    return 0;
}

static size_t copy_out(const char *s, size_t len, char *out)
{
    if (len > AN_STEM_MAX - 1)
        len = AN_STEM_MAX - 1;
    memcpy(out, s, len);
    out[len] = '\0';
    return len;
}

static void mark_regions(Word *x)
{
    static const char *const PRE[] = {"gener", "commun", "arsen"};
    x->r1 = -1;
    for (int i = 0; i < 3; i++) {
        int k = (int)strlen(PRE[i]);
        if (x->n >= k && memcmp(x->w, PRE[i], (size_t)k) == 0)
            x->r1 = k;
    }
    if (x->r1 < 0)
        x->r1 = region_after(x, 0);
    x->r2 = x->r1 < x->n ? region_after(x, x->r1) : x->n;
    if (x->r2 < x->r1)
        x->r2 = x->r1;
}

size_t an_stem(const char *word, size_t len, char *out)
{
    if (len <= 2 || len >= AN_STEM_MAX - 4)
        return copy_out(word, len, out);
    for (size_t i = 0; i < len; i++)
        if (!((word[i] >= 'a' && word[i] <= 'z') || word[i] == '\''))
            return copy_out(word, len, out);
    Word x;
    memcpy(x.w, word, len);
    x.n = (int)len;
    x.w[x.n] = '\0';
    const char *ex = exception1(x.w);
    if (ex)
        return copy_out(ex, strlen(ex), out);
    if (x.w[0] == '\'')
        memmove(x.w, x.w + 1, (size_t)--x.n);
    if (x.n > 0 && x.w[0] == 'y')
        x.w[0] = 'Y';
    for (int i = 1; i < x.n; i++)
        if (x.w[i] == 'y' && vowel(x.w[i - 1]))
            x.w[i] = 'Y';
    mark_regions(&x);
    if (ends(&x, "'s'"))
        put(&x, 3, "");
    else if (ends(&x, "'s"))
        put(&x, 2, "");
    else if (ends(&x, "'"))
        put(&x, 1, "");
    step1a(&x);
    x.w[x.n] = '\0';
    if (!exception2(x.w)) {
        step1b(&x);
        step1c(&x);
        step2(&x);
        step3(&x);
        step4(&x);
        step5(&x);
    }
    for (int i = 0; i < x.n; i++)
        if (x.w[i] == 'Y')
            x.w[i] = 'y';
    return copy_out(x.w, (size_t)x.n, out);
}
