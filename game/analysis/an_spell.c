/* an_spell.c: word spellings through hunspell's dictionaries (see an_spell.h). The edit
 * costs below rank the candidates one edit away; hunspell says which of them are words.
 * Depends on hunspell and libc. */
#include "game/analysis/an_spell.h"

#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORD_MIN 3       /* shorter words are left alone: too many words are one edit away */
#define WORD_MAX 24      /* longer "words" are pasted strings, not typing */
#define BRITISH_MIN 4    /* a British spelling is only read as American from this length on */
#define TYPO_MIN 5       /* a typo is only read as a word from this length on */
#define CACHE_SLOTS 8192 /* remembered words; the memo starts again when it is full */

/* What one edit costs. A British spelling is read as an American one only through the
 * variant edits (cost <= VARIANT); a typo through any edit up to TYPO (a plain letter more,
 * less or different only in words of LONG letters or more). */
#define COST_VARIANT_SZ 0.3  /* realise -> realize */
#define COST_VARIANT_OUR 0.3 /* colour -> color */
#define COST_DOUBLE 0.5      /* vaccuum -> vacuum, travelling -> traveling */
#define COST_SWAP 0.6        /* becuase -> because; centre -> center */
#define COST_CS 0.6          /* defence -> defense */
#define COST_NEAR 0.8        /* a vowel for a vowel, a key for its neighbour: definately */
#define COST_LETTER 1.0      /* any other letter more or less */
#define COST_FAR 1.2         /* any other letter different: never a typo on its own */
#define VARIANT 0.6
#define TYPO_CHEAP 0.6
#define TYPO 1.0
#define LONG 6

typedef struct Slot {
    uint64_t hash; /* 0: empty */
    int word;      /* offset of the word in the memo's text */
    int fix;       /* offset of its reading, or -1 when it stands */
} Slot;

struct AnSpeller {
    char dir[512];
    int tried; /* the dictionaries were looked for */
    Hunhandle *us, *gb;
    Slot slots[CACHE_SLOTS];
    int used;
    char *text; /* the memo's words and readings, NUL-separated */
    size_t len, cap;
};

AnSpeller *an_speller_create(const char *dir)
{
    AnSpeller *sp = calloc(1, sizeof *sp);
    if (!sp)
        return NULL;
    snprintf(sp->dir, sizeof sp->dir, "%s", dir && *dir ? dir : "/usr/share/hunspell");
    return sp;
}

void an_speller_destroy(AnSpeller *sp)
{
    if (!sp)
        return;
    if (sp->us)
        Hunspell_destroy(sp->us);
    if (sp->gb)
        Hunspell_destroy(sp->gb);
    free(sp->text);
    free(sp);
}

static Hunhandle *open_dict(const char *dir, const char *lang)
{
    char aff[600], dic[600];
    snprintf(aff, sizeof aff, "%s/%s.aff", dir, lang);
    snprintf(dic, sizeof dic, "%s/%s.dic", dir, lang);
    FILE *a = fopen(aff, "rb"), *d = fopen(dic, "rb");
    int ok = a && d;
    if (a)
        fclose(a);
    if (d)
        fclose(d);
    return ok ? Hunspell_create(aff, dic) : NULL;
}

int an_speller_ready(AnSpeller *sp)
{
    if (!sp->tried) {
        sp->tried = 1;
        sp->us = open_dict(sp->dir, "en_US");
        if (sp->us)
            sp->gb = open_dict(sp->dir, "en_GB");
    }
    return sp->us != NULL;
}

/* ---- the memo ------------------------------------------------------------------------ */

static uint64_t fnv(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

static int memo_text(AnSpeller *sp, const char *s)
{
    size_t n = strlen(s) + 1;
    if (sp->len + n > sp->cap) {
        size_t cap = sp->cap ? sp->cap * 2 : 16384;
        while (cap < sp->len + n)
            cap *= 2;
        char *p = realloc(sp->text, cap);
        if (!p)
            return -1;
        sp->text = p;
        sp->cap = cap;
    }
    memcpy(sp->text + sp->len, s, n);
    sp->len += n;
    return (int)(sp->len - n);
}

/* The slot for WORD (hash H): the one holding it, or the empty one where it would go. */
static Slot *memo_slot(AnSpeller *sp, const char *word, uint64_t h)
{
    for (uint32_t i = (uint32_t)h & (CACHE_SLOTS - 1);; i = (i + 1) & (CACHE_SLOTS - 1)) {
        Slot *s = &sp->slots[i];
        if (s->hash == 0 || (s->hash == h && strcmp(sp->text + s->word, word) == 0))
            return s;
    }
}

/* ---- candidates ---------------------------------------------------------------------- */

typedef struct Best {
    char word[WORD_MAX + 2];
    double cost;
    int ties; /* other words at the same cost */
} Best;

static int known(Hunhandle *h, const char *w)
{
    return h && Hunspell_spell(h, w) != 0;
}

/* Known as typed, or as a name ("monday" is "Monday"). */
static int known_any_case(Hunhandle *h, const char *w)
{
    if (known(h, w))
        return 1;
    char cap[WORD_MAX + 2];
    snprintf(cap, sizeof cap, "%s", w);
    cap[0] = (char)(cap[0] - 'a' + 'A');
    return known(h, cap);
}

static void consider(AnSpeller *sp, Best *b, const char *cand, double cost)
{
    if (cost > b->cost + 1e-9 || !known(sp->us, cand))
        return;
    if (!b->word[0] || cost < b->cost - 1e-9) {
        snprintf(b->word, sizeof b->word, "%s", cand);
        b->cost = cost;
        b->ties = 0;
    } else if (strcmp(cand, b->word) != 0) {
        b->ties++;
    }
}

/* 1 when A and B are keys side by side on a QWERTY keyboard. */
static int neighbours(char a, char b)
{
    static const char *const ROWS[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    for (int r = 0; r < 3; r++) {
        const char *p = strchr(ROWS[r], a);
        if (p && ((p > ROWS[r] && p[-1] == b) || p[1] == b))
            return 1;
    }
    return 0;
}

static int vowel(char c)
{
    return strchr("aeiou", c) != NULL;
}

static double substitution_cost(char from, char to)
{
    if ((from == 's' && to == 'z') || (from == 'z' && to == 's'))
        return COST_VARIANT_SZ;
    if ((from == 'c' && to == 's') || (from == 's' && to == 'c'))
        return COST_CS;
    if ((vowel(from) && vowel(to)) || neighbours(from, to))
        return COST_NEAR;
    return COST_FAR;
}

static double deletion_cost(const char *w, size_t i)
{
    if (i > 0 && w[i] == w[i - 1])
        return COST_DOUBLE;
    if (w[i + 1] && w[i] == w[i + 1])
        return COST_DOUBLE;
    if (w[i] == 'u' && i > 0 && w[i - 1] == 'o' && w[i + 1] == 'r')
        return COST_VARIANT_OUR;
    return COST_LETTER;
}

/* Tries every word one edit from W (N letters) and keeps the cheapest known one in B. */
static void one_edit(AnSpeller *sp, const char *w, size_t n, Best *b)
{
    char c[WORD_MAX + 2];
    for (size_t i = 0; i < n; i++) { /* one letter less */
        memcpy(c, w, i);
        memcpy(c + i, w + i + 1, n - i);
        consider(sp, b, c, deletion_cost(w, i));
    }
    for (size_t i = 0; i + 1 < n; i++) { /* two letters swapped */
        if (w[i] == w[i + 1])
            continue;
        memcpy(c, w, n + 1);
        c[i] = w[i + 1];
        c[i + 1] = w[i];
        consider(sp, b, c, COST_SWAP);
    }
    for (size_t i = 0; i < n; i++) { /* one letter different */
        memcpy(c, w, n + 1);
        for (char l = 'a'; l <= 'z'; l++) {
            if (l == w[i])
                continue;
            c[i] = l;
            consider(sp, b, c, substitution_cost(w[i], l));
        }
    }
    for (size_t i = 0; i <= n && n + 1 <= WORD_MAX; i++) { /* one letter more */
        memcpy(c, w, i);
        memcpy(c + i + 1, w + i, n - i + 1);
        for (char l = 'a'; l <= 'z'; l++) {
            c[i] = l;
            int doubles = (i > 0 && w[i - 1] == l) || w[i] == l;
            consider(sp, b, c, doubles ? COST_DOUBLE : COST_LETTER);
        }
    }
}

static int plain_word(const char *w, size_t n)
{
    if (n < WORD_MIN || n > WORD_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] < 'a' || w[i] > 'z')
            return 0;
    return 1;
}

/* The reading of W, or NULL when it stands. */
static const char *read_word(AnSpeller *sp, const char *w, char *out, size_t outsz)
{
    size_t n = strlen(w);
    if (!plain_word(w, n) || known_any_case(sp->us, w))
        return NULL;
    if (n < BRITISH_MIN)
        return NULL;
    int british = known_any_case(sp->gb, w);
    if (!british && n < TYPO_MIN)
        return NULL;
    Best b = {"", british ? VARIANT : TYPO, 0};
    one_edit(sp, w, n, &b);
    if (!b.word[0] || b.ties > 0)
        return NULL;
    if (!british && b.cost > TYPO_CHEAP && n < LONG)
        return NULL;
    snprintf(out, outsz, "%s", b.word);
    return out;
}

const char *an_speller_fix(AnSpeller *sp, const char *word)
{
    if (!sp || !word || !plain_word(word, strlen(word)) || !an_speller_ready(sp))
        return NULL;
    uint64_t h = fnv(word);
    Slot *s = memo_slot(sp, word, h);
    if (s->hash != 0)
        return s->fix >= 0 ? sp->text + s->fix : NULL;
    char buf[WORD_MAX + 2];
    const char *fix = read_word(sp, word, buf, sizeof buf);
    if (sp->used >= CACHE_SLOTS / 2) { /* keep the table sparse: start the memo again */
        memset(sp->slots, 0, sizeof sp->slots);
        sp->used = 0;
        sp->len = 0;
        s = memo_slot(sp, word, h);
    }
    int wo = memo_text(sp, word), fo = fix ? memo_text(sp, fix) : -1;
    if (wo < 0 || (fix && fo < 0))
        return NULL; /* out of memory: read the word as typed */
    *s = (Slot){h, wo, fo};
    sp->used++;
    return fo >= 0 ? sp->text + fo : NULL;
}

int an_speller_fix_tokens(AnSpeller *sp, AnTokens *t)
{
    if (!sp)
        return 0;
    int changed = 0;
    for (int i = 0; i < t->count; i++) {
        if (t->items[i].kind != AN_TOK_WORD || t->items[i].expanded)
            continue;
        const char *fix = an_speller_fix(sp, an_token_text(t, i));
        if (!fix)
            continue;
        if (an_tokens_set_text(t, i, fix, strlen(fix)) < 0)
            return -1;
        changed++;
    }
    return changed;
}
