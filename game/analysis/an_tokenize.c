/* an_tokenize.c: UTF-8 tokenizer with case folding and contraction expansion.
 * See an_tokenize.h. Depends on engine/core/utf8 (decoding and repair), utf8proc (classes
 * and case folding) and libc. */
#include "game/analysis/an_tokenize.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "engine/core/utf8.h"

/* ---- characters ------------------------------------------------------------------- */

/* Decodes the code point at S (N > 0 bytes of repaired, valid UTF-8) into *CP and returns
 * its length: engine/core's decoder, the one the whole game uses. */
static int decode(const char *s, size_t n, uint32_t *cp)
{
    size_t used = 0;
    utf8_decode(s, n, cp, &used);
    return used > 0 ? (int)used : 1;
}

enum { C_SPACE, C_LETTER, C_DIGIT, C_APOS, C_HYPHEN, C_END, C_PUNCT, C_OTHER };

static int is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

/* The tokenizer's class of C, from the Unicode general category (utf8proc), so letters of
 * every script make words and every script's punctuation separates them. */
static int char_class(uint32_t c)
{
    if (is_apostrophe(c))
        return C_APOS;
    if (c == '-')
        return C_HYPHEN;
    if (c == '.' || c == '!' || c == '?' || c == 0x203D || c == 0xFF1F || c == 0xFF01 ||
        c == 0x3002 || c == 0x2026)
        return C_END;
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return C_SPACE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return C_PUNCT;
    default:
        return C_OTHER; /* symbols and emoji, format characters, unassigned */
    }
}

/* Folds the word W (N bytes, valid UTF-8) into OUT (room for AN_FOLD_ROOM(N) bytes) and
 * returns the folded length: ASCII by hand, anything else with utf8proc's case folding and
 * compatibility composition (NFKC_Casefold: "ÉCOLE" -> "école", "Straße" -> "strasse",
 * fullwidth letters -> ASCII). Curly apostrophes become '. */
#define AN_FOLD_ROOM(n) ((n)*3 + 8)
static size_t fold_word(const char *w, size_t n, char *out)
{
    size_t o = 0;
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        ascii &= (unsigned char)w[i] < 0x80;
    if (ascii) {
        for (size_t i = 0; i < n; i++)
            out[o++] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
        return o;
    }
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t k =
        utf8proc_map((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, &f,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    const char *src = k >= 0 ? (const char *)f : w;
    size_t len = k >= 0 ? (size_t)k : n;
    for (size_t i = 0; i < len && o + 4 < AN_FOLD_ROOM(n);) {
        uint32_t cp;
        int step = decode(src + i, len - i, &cp);
        if (is_apostrophe(cp))
            out[o++] = '\'';
        else {
            memcpy(out + o, src + i, (size_t)step);
            o += (size_t)step;
        }
        i += (size_t)step;
    }
    free(f);
    return o;
}

/* ---- buffers ------------------------------------------------------------------------ */

AnTokens *an_tokens_create(void)
{
    return calloc(1, sizeof(AnTokens));
}

void an_tokens_destroy(AnTokens *t)
{
    if (!t)
        return;
    free(t->items);
    free(t->arena);
    free(t->clean);
    free(t);
}

/* Grows *BUF to hold NEED elements of ELEM bytes, at least doubling. */
static int reserve(void **buf, size_t *cap, size_t need, size_t elem)
{
    if (*cap >= need)
        return 0;
    size_t n = need < 64 ? 64 : need;
    if (n < *cap * 2)
        n = *cap * 2;
    void *p = realloc(*buf, n * elem);
    if (!p)
        return -1;
    *buf = p;
    *cap = n;
    return 0;
}

/* Where the next token text goes in the arena; FAILED is set when memory ran out. */
typedef struct Builder {
    AnTokens *t;
    size_t arena_len;
    uint32_t sentence;
    int failed;
} Builder;

static void emit(Builder *b, const char *text, size_t len, uint32_t start, uint32_t end, int kind,
                 int expanded)
{
    AnTokens *t = b->t;
    if (b->failed ||
        reserve((void **)&t->items, &t->cap_items, (size_t)t->count + 1, sizeof(AnToken)) < 0 ||
        reserve((void **)&t->arena, &t->cap_arena, b->arena_len + len + 1, 1) < 0) {
        b->failed = 1;
        return;
    }
    AnToken *tok = &t->items[t->count++];
    tok->text = (uint32_t)b->arena_len;
    tok->len = (uint32_t)len;
    tok->start = start;
    tok->end = end;
    tok->sentence = b->sentence;
    tok->kind = (uint8_t)kind;
    tok->expanded = (uint8_t)expanded;
    memcpy(t->arena + b->arena_len, text, len);
    t->arena[b->arena_len + len] = '\0';
    b->arena_len += len + 1;
}

/* ---- contractions ------------------------------------------------------------------- */

/* Slang and apostrophe-less forms typed in chat, expanded like contractions. Sorted by
 * strcmp, so a word is looked up with bsearch. */
static const char *const SLANG[][2] = {
    {"aint", "is not"},
    {"arent", "are not"},
    {"bc", "because"},
    {"cannot", "can not"},
    {"cant", "can not"},
    {"couldnt", "could not"},
    {"couldve", "could have"},
    {"cuz", "because"},
    {"didnt", "did not"},
    {"doesnt", "does not"},
    {"dont", "do not"},
    {"dunno", "do not know"},
    {"gonna", "going to"},
    {"gotta", "got to"},
    {"hadnt", "had not"},
    {"hasnt", "has not"},
    {"havent", "have not"},
    {"heres", "here is"},
    {"idk", "i do not know"},
    {"im", "i am"},
    {"imo", "in my opinion"},
    {"isnt", "is not"},
    {"itll", "it will"},
    {"ive", "i have"},
    {"kinda", "kind of"},
    {"lemme", "let me"},
    {"ngl", "not going to lie"},
    {"pls", "please"},
    {"plz", "please"},
    {"rn", "right now"},
    {"shouldnt", "should not"},
    {"shouldve", "should have"},
    {"sorta", "sort of"},
    {"tbh", "to be honest"},
    {"thats", "that is"},
    {"theres", "there is"},
    {"theyre", "they are"},
    {"theyve", "they have"},
    {"thx", "thanks"},
    {"u", "you"},
    {"ur", "your"},
    {"wanna", "want to"},
    {"wasnt", "was not"},
    {"werent", "were not"},
    {"weve", "we have"},
    {"whats", "what is"},
    {"wheres", "where is"},
    {"whos", "who is"},
    {"wont", "will not"},
    {"wouldnt", "would not"},
    {"wouldve", "would have"},
    {"ya", "you"},
    {"ye", "yes"},
    {"youll", "you will"},
    {"youre", "you are"},
    {"youve", "you have"},
};

static int by_slang(const void *key, const void *entry)
{
    return strcmp((const char *)key, (*(const char *const(*)[2])entry)[0]);
}

static const char *const IS_BEFORE_S[] = {
    "it",      "that",     "what", "there", "here",       "who",     "where",
    "how",     "he",       "she",  "this",  "everything", "nothing", "something",
    "someone", "everyone", "why",  "when",  "one"};

static void emit_words(Builder *b, const char *s, uint32_t start, uint32_t end, int expanded)
{
    /* S holds space-separated words. */
    while (*s) {
        const char *e = strchr(s, ' ');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        emit(b, s, n, start, end, AN_TOK_WORD, expanded);
        s += n;
        while (*s == ' ')
            s++;
    }
}

static int ends_with(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(w + n - k, suf, k) == 0;
}

static int expand_suffix(Builder *b, char *w, size_t n, uint32_t start, uint32_t end)
{
    static const char *const SUF[][2] = {
        {"'m", "am"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"}, {"'d", "would"}};
    if (ends_with(w, n, "n't")) {
        w[n - 3] = '\0';
        const char *base = w;
        if (strcmp(w, "ca") == 0 || strcmp(w, "can") == 0)
            base = "can";
        else if (strcmp(w, "wo") == 0)
            base = "will";
        else if (strcmp(w, "sha") == 0)
            base = "shall";
        else if (strcmp(w, "ai") == 0)
            base = "is";
        if (*base)
            emit(b, base, strlen(base), start, end, AN_TOK_WORD, 1);
        emit(b, "not", 3, start, end, AN_TOK_WORD, 1);
        return 1;
    }
    for (size_t i = 0; i < sizeof SUF / sizeof SUF[0]; i++) {
        if (ends_with(w, n, SUF[i][0]) && n > strlen(SUF[i][0])) {
            size_t k = n - strlen(SUF[i][0]);
            emit(b, w, k, start, end, AN_TOK_WORD, 1);
            emit(b, SUF[i][1], strlen(SUF[i][1]), start, end, AN_TOK_WORD, 1);
            return 1;
        }
    }
    if (ends_with(w, n, "'s") && n > 2) {
        w[n - 2] = '\0';
        if (strcmp(w, "let") == 0) {
            emit_words(b, "let us", start, end, 1);
            return 1;
        }
        emit(b, w, n - 2, start, end, AN_TOK_WORD, 1);
        for (size_t i = 0; i < sizeof IS_BEFORE_S / sizeof IS_BEFORE_S[0]; i++)
            if (w[0] == IS_BEFORE_S[i][0] && strcmp(w, IS_BEFORE_S[i]) == 0)
                emit(b, "is", 2, start, end, AN_TOK_WORD, 1);
        return 1;
    }
    return 0;
}

/* Emits the folded word W (N bytes, writable) as one or more tokens. */
static void emit_word(Builder *b, char *w, size_t n, uint32_t start, uint32_t end)
{
    if (memchr(w, '\'', n)) {
        if (strcmp(w, "y'all") == 0) {
            emit_words(b, "you all", start, end, 1);
            return;
        }
        if (expand_suffix(b, w, n, start, end))
            return;
    } else if (n <= 8) {
        const char *const(*hit)[2] =
            bsearch(w, SLANG, sizeof SLANG / sizeof SLANG[0], sizeof SLANG[0], by_slang);
        if (hit) {
            emit_words(b, (*hit)[1], start, end, 1);
            return;
        }
    }
    emit(b, w, n, start, end, AN_TOK_WORD, 0);
}

/* ---- scanning ----------------------------------------------------------------------- */

/* Copies TEXT into t->clean with each ill-formed sequence replaced by U+FFFD (utf8_repair)
 * and NUL bytes by spaces, so every span is valid, NUL-free UTF-8. */
static int clean_copy(AnTokens *t, const char *text, size_t len)
{
    if (len > (SIZE_MAX - 1) / 3 ||
        reserve((void **)&t->clean, &t->cap_clean, UTF8_REPAIR_BOUND(len), 1) < 0)
        return -1;
    t->clean_len = utf8_repair(text, len, t->clean, NULL);
    for (size_t i = 0; i < t->clean_len; i++)
        if (t->clean[i] == '\0')
            t->clean[i] = ' ';
    return 0;
}

static int class_at(const AnTokens *t, size_t i, uint32_t *cp, int *k)
{
    if (i >= t->clean_len) {
        *k = 0;
        *cp = 0;
        return C_SPACE;
    }
    *k = decode(t->clean + i, t->clean_len - i, cp);
    return char_class(*cp);
}

/* Scans a word starting at I (letters and digits, with inner apostrophes); returns the index
 * after it. TMP has room for AN_FOLD_ROOM of the text. */
static size_t scan_word(Builder *b, size_t i, char *tmp)
{
    AnTokens *t = b->t;
    size_t start = i;
    uint32_t cp;
    int k;
    for (;;) {
        int c = class_at(t, i, &cp, &k);
        if (c == C_LETTER || c == C_DIGIT) {
            i += (size_t)k;
            continue;
        }
        if (c == C_APOS) {
            uint32_t cp2;
            int k2;
            if (class_at(t, i + (size_t)k, &cp2, &k2) == C_LETTER) {
                i += (size_t)k;
                continue;
            }
        }
        break;
    }
    size_t n = fold_word(t->clean + start, i - start, tmp);
    tmp[n] = '\0';
    emit_word(b, tmp, n, (uint32_t)start, (uint32_t)i);
    return i;
}

static size_t scan_number(Builder *b, size_t i)
{
    AnTokens *t = b->t;
    size_t start = i;
    uint32_t cp, cp2;
    int k, k2;
    for (;;) {
        int c = class_at(t, i, &cp, &k);
        if (c == C_DIGIT) {
            i += (size_t)k;
        } else if ((cp == '.' || cp == ',' || cp == ':') &&
                   class_at(t, i + 1, &cp2, &k2) == C_DIGIT) {
            i += 1;
        } else {
            break;
        }
    }
    emit(b, t->clean + start, i - start, (uint32_t)start, (uint32_t)i, AN_TOK_NUMBER, 0);
    return i;
}

static size_t scan_run(Builder *b, size_t i, int cls)
{
    AnTokens *t = b->t;
    size_t start = i;
    int question = 0;
    uint32_t cp;
    int k;
    while (i < t->clean_len) {
        int c = class_at(t, i, &cp, &k);
        if (c != cls && !(cls == C_OTHER && (cp == 0x200D || cp == 0xFE0F)))
            break;
        if (cp == '?' || cp == 0xFF1F || cp == 0x203D)
            question = 1;
        i += (size_t)k;
    }
    if (cls == C_END) {
        const char *txt = question ? "?" : (t->clean[start] == '!' ? "!" : ".");
        emit(b, txt, 1, (uint32_t)start, (uint32_t)i, AN_TOK_SENT_END, 0);
        b->sentence++;
    } else {
        emit(b, t->clean + start, i - start, (uint32_t)start, (uint32_t)i, AN_TOK_OTHER, 0);
    }
    return i;
}

/* The longest run of letters, digits and apostrophes in the clean text: the scratch room a
 * folded word needs. */
static size_t longest_word(const AnTokens *t)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < t->clean_len; i++) {
        unsigned char c = (unsigned char)t->clean[i];
        run = (c == ' ' || c == '.' || c == ',' || c == '?' || c == '!') ? 0 : run + 1;
        if (run > best)
            best = run;
    }
    return best;
}

int an_tokenize(AnTokens *t, const char *text, size_t len)
{
    t->count = 0;
    t->sentences = 0;
    if (clean_copy(t, text ? text : "", text ? len : 0) < 0)
        return -1;
    char *tmp = malloc(AN_FOLD_ROOM(longest_word(t)));
    if (!tmp)
        return -1;
    Builder b = {t, 0, 0, 0};
    size_t i = 0, L = t->clean_len;
    while (i < L && !b.failed) {
        uint32_t cp;
        int k;
        int c = class_at(t, i, &cp, &k);
        if (c == C_LETTER) {
            i = scan_word(&b, i, tmp);
        } else if (c == C_DIGIT) {
            i = scan_number(&b, i);
        } else if (c == C_END || c == C_OTHER) {
            i = scan_run(&b, i, c);
        } else if (c == C_PUNCT ||
                   (c == C_HYPHEN && b.t->count > 0 && (i == 0 || t->clean[i - 1] == ' '))) {
            emit(&b, t->clean + i, (size_t)k, (uint32_t)i, (uint32_t)(i + (size_t)k), AN_TOK_PUNCT,
                 0);
            i += (size_t)k;
        } else {
            i += (size_t)k; /* space, apostrophe used as a quote, hyphen inside a word */
        }
    }
    free(tmp);
    t->arena_len = b.arena_len;
    if (b.failed) {
        t->count = 0;
        return -1;
    }
    if (t->count > 0)
        t->sentences = (int)t->items[t->count - 1].sentence + 1;
    return 0;
}

int an_tokens_set_text(AnTokens *t, int i, const char *text, size_t len)
{
    if (i < 0 || i >= t->count || len > UINT32_MAX - t->arena_len - 1 ||
        reserve((void **)&t->arena, &t->cap_arena, t->arena_len + len + 1, 1) < 0)
        return -1;
    memcpy(t->arena + t->arena_len, text, len);
    t->arena[t->arena_len + len] = '\0';
    t->items[i].text = (uint32_t)t->arena_len;
    t->items[i].len = (uint32_t)len;
    t->arena_len += len + 1;
    return 0;
}
