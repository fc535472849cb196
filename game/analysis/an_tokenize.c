/* an_tokenize.c: UTF-8 tokenizer with case folding and contraction expansion.
 * See an_tokenize.h. Depends on libc only. */
#include "game/analysis/an_tokenize.h"

#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 ------------------------------------------------------------------------ */

int an_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    *cp = 0xFFFD;
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int need;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3, v = c & 0x07, min = 0x10000;
    } else {
        return 1;
    }
    if ((size_t)need >= n)
        return 1;
    for (int i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 1;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 1;
    *cp = v;
    return need + 1;
}

size_t an_utf8_cut(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return n;
    size_t i = max;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- character classes ------------------------------------------------------------ */

enum { C_SPACE, C_LETTER, C_DIGIT, C_APOS, C_HYPHEN, C_END, C_PUNCT, C_OTHER };

static int char_class(uint32_t c)
{
    if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            return C_LETTER;
        if (c >= '0' && c <= '9')
            return C_DIGIT;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            return C_SPACE;
        if (c == '\'')
            return C_APOS;
        if (c == '-')
            return C_HYPHEN;
        if (c == '.' || c == '!' || c == '?')
            return C_END;
        if (c < 0x20 || c == 0x7F)
            return C_SPACE;
        return C_PUNCT;
    }
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        return C_APOS;
    if (c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == 0x202F)
        return C_SPACE;
    if (c == 0x203D || c == 0xFF1F || c == 0xFF01 || c == 0x3002)
        return C_END;
    if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7))
        return C_LETTER;
    if ((c >= 0xA1 && c <= 0xBF) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E))
        return C_PUNCT;
    return C_OTHER;
}

static uint32_t fold(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c <= 0x17F && (c & 1) == 0 && c != 0x130 && c != 0x138)
        return c + 1;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        return '\'';
    return c;
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

static int reserve(void **buf, size_t *cap, size_t need, size_t elem)
{
    if (*cap >= need)
        return 0;
    size_t n = need < 64 ? 64 : need;
    void *p = realloc(*buf, n * elem);
    if (!p)
        return -1;
    *buf = p;
    *cap = n;
    return 0;
}

/* Arena offset where the next token text goes. */
typedef struct Builder {
    AnTokens *t;
    size_t arena_len;
    uint32_t sentence;
} Builder;

static void emit(Builder *b, const char *text, size_t len, uint32_t start, uint32_t end, int kind,
                 int expanded)
{
    AnTokens *t = b->t;
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

/* Slang and apostrophe-less forms typed in chat, expanded like contractions. */
static const char *const SLANG[][2] = {
    {"dont", "do not"},
    {"doesnt", "does not"},
    {"didnt", "did not"},
    {"cant", "can not"},
    {"cannot", "can not"},
    {"wont", "will not"},
    {"isnt", "is not"},
    {"arent", "are not"},
    {"wasnt", "was not"},
    {"werent", "were not"},
    {"havent", "have not"},
    {"hasnt", "has not"},
    {"hadnt", "had not"},
    {"wouldnt", "would not"},
    {"couldnt", "could not"},
    {"shouldnt", "should not"},
    {"aint", "is not"},
    {"im", "i am"},
    {"ive", "i have"},
    {"youre", "you are"},
    {"theyre", "they are"},
    {"thats", "that is"},
    {"whats", "what is"},
    {"u", "you"},
    {"ur", "your"},
    {"gonna", "going to"},
    {"wanna", "want to"},
    {"gotta", "got to"},
    {"dunno", "do not know"},
    {"idk", "i do not know"},
    {"lemme", "let me"},
    {"kinda", "kind of"},
    {"sorta", "sort of"},
    {"cuz", "because"},
    {"thx", "thanks"},
    {"pls", "please"},
    {"plz", "please"},
    {"ya", "you"},
    {"ye", "yes"},
};

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
        for (size_t i = 0; i < sizeof SLANG / sizeof SLANG[0]; i++) {
            if (w[0] == SLANG[i][0][0] && strcmp(w, SLANG[i][0]) == 0) {
                emit_words(b, SLANG[i][1], start, end, 1);
                return;
            }
        }
    }
    emit(b, w, n, start, end, AN_TOK_WORD, 0);
}

/* ---- scanning ----------------------------------------------------------------------- */

/* Copies TEXT into t->clean with invalid sequences replaced by U+FFFD. */
static int clean_copy(AnTokens *t, const char *text, size_t len)
{
    if (reserve((void **)&t->clean, &t->cap_clean, len * 3 + 1, 1) < 0)
        return -1;
    size_t o = 0;
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = an_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD || cp == 0)
            o += utf8_encode(cp == 0 ? ' ' : 0xFFFD, t->clean + o);
        else {
            memcpy(t->clean + o, s + i, (size_t)k);
            o += (size_t)k;
        }
        i += (size_t)k;
    }
    t->clean[o] = '\0';
    t->clean_len = o;
    return 0;
}

static int class_at(const AnTokens *t, size_t i, uint32_t *cp, int *k)
{
    if (i >= t->clean_len) {
        *k = 0;
        *cp = 0;
        return C_SPACE;
    }
    *k = an_utf8_decode((const unsigned char *)t->clean + i, t->clean_len - i, cp);
    return char_class(*cp);
}

/* Scans a word starting at I; returns the index after it. */
static size_t scan_word(Builder *b, size_t i, char *tmp)
{
    AnTokens *t = b->t;
    size_t start = i, n = 0;
    uint32_t cp;
    int k;
    for (;;) {
        int c = class_at(t, i, &cp, &k);
        if (c == C_LETTER || c == C_DIGIT) {
            n += utf8_encode(fold(cp), tmp + n);
            i += (size_t)k;
            continue;
        }
        if (c == C_APOS) {
            uint32_t cp2;
            int k2;
            if (class_at(t, i + (size_t)k, &cp2, &k2) == C_LETTER) {
                tmp[n++] = '\'';
                i += (size_t)k;
                continue;
            }
        }
        break;
    }
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

int an_tokenize(AnTokens *t, const char *text, size_t len)
{
    t->count = 0;
    t->sentences = 0;
    if (clean_copy(t, text ? text : "", text ? len : 0) < 0)
        return -1;
    /* Expansion at most doubles a token's bytes plus NULs; words at most one token a byte
     * plus two from a contraction. */
    size_t L = t->clean_len;
    if (reserve((void **)&t->items, &t->cap_items, L * 2 + 8, sizeof(AnToken)) < 0 ||
        reserve((void **)&t->arena, &t->cap_arena, L * 4 + 64, 1) < 0)
        return -1;
    char *tmp = malloc(L * 2 + 16);
    if (!tmp)
        return -1;
    Builder b = {t, 0, 0};
    size_t i = 0;
    while (i < L) {
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
    if (t->count > 0) {
        t->sentences = (int)t->items[t->count - 1].sentence + 1;
    }
    return 0;
}
