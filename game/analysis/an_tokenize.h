/* an_tokenize.h: splits typed text into tokens for the analyser. UTF-8 in (valid or not),
 * tokens out: words case-folded with contractions expanded ("doesn't" -> "does" "not"),
 * numbers, punctuation, sentence ends, and anything else (emoji, non-Latin script) as opaque
 * tokens. Invalid bytes become U+FFFD in a cleaned copy of the text, so every span a caller
 * quotes is valid UTF-8.
 *
 * Depends on: libc only. */
#ifndef HEARD_AN_TOKENIZE_H
#define HEARD_AN_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

typedef enum AnTokenKind {
    AN_TOK_WORD = 0,     /* letters (Latin), folded, maybe from a contraction */
    AN_TOK_NUMBER = 1,   /* digits, with inner '.', ',' or ':' */
    AN_TOK_PUNCT = 2,    /* , ; : " ( ) - — … and the like: a clause boundary */
    AN_TOK_SENT_END = 3, /* a run of . ! ? ; text is "?" when the run holds a '?' */
    AN_TOK_OTHER = 4     /* emoji, symbols, non-Latin script: passed through */
} AnTokenKind;

typedef struct AnToken {
    uint32_t text;  /* offset of the folded, NUL-terminated text in AnTokens.arena */
    uint32_t len;   /* bytes of the folded text */
    uint32_t start; /* byte span [start, end) in AnTokens.clean */
    uint32_t end;
    uint32_t sentence; /* index of the sentence holding the token */
    uint8_t kind;      /* AnTokenKind */
    uint8_t expanded;  /* 1 when the token came from a contraction or a slang form */
} AnToken;

typedef struct AnTokens {
    AnToken *items;
    int count;
    int sentences; /* number of sentences (0 for empty text) */
    char *arena;   /* folded token texts */
    char *clean;   /* the input with invalid UTF-8 replaced by U+FFFD; NUL-terminated */
    size_t clean_len;
    size_t cap_items, cap_arena, cap_clean; /* internal */
} AnTokens;

/* Makes an empty token list. NULL when out of memory. Free with an_tokens_destroy. */
AnTokens *an_tokens_create(void);

/* Frees T; an_tokens_destroy(NULL) is a no-op. */
void an_tokens_destroy(AnTokens *t);

/* Tokenizes LEN bytes of TEXT into T, replacing what T held (buffers are reused).
 * Never fails on content; returns -1 only when memory runs out (T is then empty). */
int an_tokenize(AnTokens *t, const char *text, size_t len);

/* The folded text of token I, NUL-terminated; borrowed from T. */
static inline const char *an_token_text(const AnTokens *t, int i)
{
    return t->arena + t->items[i].text;
}

/* Decodes one UTF-8 code point at S (N bytes left). Stores it in *CP (U+FFFD when the bytes
 * are invalid) and returns the bytes consumed (>= 1 when N > 0). */
int an_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Length of the longest prefix of S (at most MAX bytes) that ends on a code-point boundary.
 * S must be valid UTF-8. */
size_t an_utf8_cut(const char *s, size_t max);

#endif
