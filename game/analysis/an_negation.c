/* an_negation.c: marks negation scopes clause by clause. Depends on libc only. */
#include "game/analysis/an_negation.h"

#include <string.h>

static bool in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++) /* the first letter rules out most entries cheaply */
        if (w[0] == list[i][0] && strcmp(w, list[i]) == 0)
            return true;
    return false;
}

bool an_is_negator(const char *w)
{
    static const char *const NEG[] = {"not",     "never", "no",   "nobody", "nothing", "nowhere",
                                      "neither", "nor",   "none", "hardly", "barely"};
    return in_list(w, NEG, sizeof NEG / sizeof NEG[0]);
}

/* Words that end a clause and so a negation scope. */
static bool clause_break(const char *w)
{
    static const char *const BRK[] = {"but",    "because", "though", "although", "however",
                                      "except", "whereas", "while",  "so",       "and"};
    return in_list(w, BRK, sizeof BRK / sizeof BRK[0]);
}

/* "no wonder", "not only", "not just", "no doubt" affirm rather than negate. */
static bool affirming(const AnTokens *t, int i)
{
    static const char *const AFF[] = {"wonder", "only", "just", "doubt", "problem", "worries"};
    return i + 1 < t->count && in_list(an_token_text(t, i + 1), AFF, sizeof AFF / sizeof AFF[0]);
}

void an_negation_mark(const AnTokens *toks, AnTokenInfo *info)
{
    bool on = false;
    for (int i = 0; i < toks->count; i++) {
        const AnToken *t = &toks->items[i];
        const char *w = an_token_text(toks, i);
        if (t->kind == AN_TOK_PUNCT || t->kind == AN_TOK_SENT_END ||
            (t->kind == AN_TOK_WORD && clause_break(w))) {
            on = false;
            info[i].negated = false;
            continue;
        }
        info[i].negated = on;
        if (t->kind == AN_TOK_WORD && an_is_negator(w) && !affirming(toks, i))
            on = true;
    }
}
