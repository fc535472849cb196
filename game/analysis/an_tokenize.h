/* an_tokenize.h: splits typed text into tokens for the analyser. UTF-8 in (valid or not),
 * tokens out: words of any script case-folded (utf8proc) with contractions expanded
 * ("doesn't" -> "does" "not"), numbers, punctuation, sentence ends, and symbols and emoji as
 * opaque tokens. Ill-formed bytes become U+FFFD in a cleaned copy of the text
 * (engine/core/utf8's repair), so every span a caller quotes is valid UTF-8.
 *
 * Depends on: engine/core/utf8, utf8proc, libc. */
#ifndef HEARD_AN_TOKENIZE_H
#define HEARD_AN_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

typedef enum AnTokenKind {
    AN_TOK_WORD = 0,     /* letters of any script, folded, maybe from a contraction */
    AN_TOK_NUMBER = 1,   /* digits, with inner '.', ',' or ':' */
    AN_TOK_PUNCT = 2,    /* , ; : " ( ) - — … and the like: a clause boundary */
    AN_TOK_SENT_END = 3, /* a run of . ! ? ; text is "?" when the run holds a '?' */
    AN_TOK_OTHER = 4     /* emoji and symbols: passed through */
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
    size_t arena_len;                       /* bytes of the arena in use */
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

/* Replaces the folded text of token I with LEN bytes of TEXT (a spelling the speller
 * prefers, an_spell.h); spans and kinds stay. Returns 0, or -1 when I is out of range or
 * memory runs out (T is unchanged). */
int an_tokens_set_text(AnTokens *t, int i, const char *text, size_t len);

#endif
