/* an_model.c: the model's numeric inputs from AnFeatures, and scoring with fitted weights.
 * Depends on libc and libm only. */
#include "game/analysis/an_model.h"

#include <math.h>
#include <string.h>

static const char *const NAMES[AN_X_COUNT] = {
    [AN_X_WORDS] = "words",
    [AN_X_SENTS] = "sentences",
    [AN_X_SHORT] = "short",
    [AN_X_LONG] = "long",
    [AN_X_LEAD_REFLECT] = "lead_reflective",
    [AN_X_LAST_REFLECT] = "last_reflective",
    [AN_X_CTX_SHORT] = "ctx_short",
    [AN_X_CTX_WORDS] = "ctx_words",
    [AN_X_CTX_LONG] = "ctx_long",
    [AN_X_ECHO] = "echo",
    [AN_X_ECHO_ANY] = "echo_any",
    [AN_X_OVERLAP] = "overlap",
    [AN_X_FEELING] = "feeling",
    [AN_X_FEELING_ECHOED] = "feeling_echoed",
    [AN_X_FEELING_NAMED] = "feeling_named",
    [AN_X_PERSPECTIVE] = "perspective_shift",
    [AN_X_YOU_SHARE] = "you_share",
    [AN_X_I_SHARE] = "i_share",
    [AN_X_WE_SHARE] = "we_share",
    [AN_X_YOU_START] = "you_start",
    [AN_X_I_START] = "i_start",
    [AN_X_THIRD_START] = "third_start",
    [AN_X_OTHER_START] = "other_start",
    [AN_X_SO_START] = "so_start",
    [AN_X_SO_YOU] = "so_you",
    [AN_X_SO_STATEMENT] = "so_statement",
    [AN_X_YOU_STATEMENT] = "you_statement",
    [AN_X_YOU_STMT_SHARE] = "you_statement_share",
    [AN_X_OPENER] = "opener",
    [AN_X_OPENER_MARKED] = "opener_marked",
    [AN_X_YOU_STATE] = "you_state",
    [AN_X_YOU_MODAL] = "you_modal",
    [AN_X_INFORM] = "inform",
    [AN_X_HEDGE] = "hedge",
    [AN_X_YOU_SAID] = "you_said",
    [AN_X_FOR_YOU] = "for_you",
    [AN_X_TWO_SIDED] = "two_sided",
    [AN_X_AFFIRM] = "affirm",
    [AN_X_PARROT] = "parrot",
    [AN_X_COPY] = "longest_copy",
    [AN_X_Q_MARKED] = "q_marked",
    [AN_X_Q_LAST] = "q_last",
    [AN_X_Q_WH] = "q_wh",
    [AN_X_Q_AUX] = "q_aux",
    [AN_X_Q_DECL] = "q_statement",
    [AN_X_Q_DECL_YOU] = "q_statement_you",
    [AN_X_Q_TAG] = "q_tag",
    [AN_X_Q_UNMARKED] = "q_unmarked",
    [AN_X_Q_COUNT] = "questions",
    [AN_X_WONDER] = "wonder",
    [AN_X_TELL_ME] = "tell_me",
    [AN_X_CHECK] = "check",
    [AN_X_VALIDATION] = "validation",
    [AN_X_FIX_IT] = "fix_it",
    [AN_X_CRITICISM] = "criticism",
    [AN_X_CONTEMPT] = "contempt",
    [AN_X_MINIMIZING] = "minimizing",
    [AN_X_DEFENSIVE] = "defensive",
    [AN_X_COUNTER] = "counter",
    [AN_X_NEXT_STEP] = "next_step",
    [AN_X_OWNERSHIP] = "ownership",
    [AN_X_APOLOGY] = "apology",
    [AN_X_THANKS] = "thanks",
    [AN_X_NUMBER] = "number",
    [AN_X_FRAGMENT] = "fragment",
};

/* inputs that are "a cue of this name matched, not negated" */
static const struct {
    AnInput x;
    const char *cue;
} CUE_INPUTS[] = {
    {AN_X_FEELING_NAMED, "feeling_named"},
    {AN_X_OPENER, "reflect_opener"},
    {AN_X_HEDGE, "hedge"},
    {AN_X_YOU_STATE, "you_state"},
    {AN_X_YOU_MODAL, "you_modal"},
    {AN_X_INFORM, "inform"},
    {AN_X_YOU_SAID, "you_said"},
    {AN_X_FOR_YOU, "for_you"},
    {AN_X_TWO_SIDED, "two_sided"},
    {AN_X_AFFIRM, "affirm"},
    {AN_X_Q_TAG, "tag_question"},
    {AN_X_WONDER, "wonder"},
    {AN_X_TELL_ME, "tell_me"},
    {AN_X_CHECK, "check"},
    {AN_X_VALIDATION, "validation"},
    {AN_X_FIX_IT, "fix_it"},
    {AN_X_CRITICISM, "criticism"},
    {AN_X_CONTEMPT, "contempt"},
    {AN_X_MINIMIZING, "minimizing"},
    {AN_X_DEFENSIVE, "defensive"},
    {AN_X_COUNTER, "counter"},
    {AN_X_NEXT_STEP, "next_step"},
    {AN_X_OWNERSHIP, "ownership"},
    {AN_X_APOLOGY, "apology"},
    {AN_X_THANKS, "thanks"},
};

const char *an_model_input_name(int i)
{
    return i >= 0 && i < AN_X_COUNT ? NAMES[i] : "";
}

int an_model_input_id(const char *name)
{
    for (int i = 0; i < AN_X_COUNT; i++)
        if (strcmp(NAMES[i], name) == 0)
            return i;
    return -1;
}

void an_model_cues_bind(AnModelCues *c, const AnMatcher *m)
{
    for (int i = 0; i < AN_X_COUNT; i++)
        c->id[i] = -1;
    for (size_t k = 0; k < sizeof CUE_INPUTS / sizeof CUE_INPUTS[0]; k++)
        c->id[CUE_INPUTS[k].x] = m ? an_matcher_cue_id(m, CUE_INPUTS[k].cue) : -1;
}

/* ---- sentence shapes ---------------------------------------------------------------- */

static bool is_one_of(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return true;
    return false;
}

static const char *const YOU[] = {"you", "your", "yours", "yourself", NULL};
static const char *const ME[] = {"i", "my", "me", NULL};
static const char *const THIRD[] = {"it", "that", "this", "there", "those", "these", NULL};
static const char *const OTHER[] = {"he", "she", "they", "his", "her", "their", NULL};
static const char *const WH[] = {"what", "how",   "why",   "where", "when",
                                 "who",  "which", "whose", NULL};
static const char *const AUX[] = {"do",  "does",  "did",   "is",    "are",    "was",  "were",
                                  "can", "could", "would", "will",  "should", "have", "has",
                                  "had", "am",    "may",   "might", "shall",  NULL};
static const char *const TAGS[] = {"right", "okay", "ok", "yeah", "yes", "huh", "no", NULL};

static const char *word_at(const AnTokens *t, int i, int end)
{
    return i < end && t->items[i].kind == AN_TOK_WORD ? an_token_text(t, i) : "";
}

/* The first word token of sentence S before fillers are skipped, or "". */
static const char *raw_first(const AnTokens *t, const AnSentence *s)
{
    for (int i = s->start; i < s->end; i++)
        if (t->items[i].kind == AN_TOK_WORD)
            return an_token_text(t, i);
    return "";
}

/* True when "so" is among the fillers that open S. */
static bool opens_with_so(const AnTokens *t, const AnSentence *s)
{
    for (int i = s->start; i < s->first; i++)
        if (t->items[i].kind == AN_TOK_WORD && strcmp(an_token_text(t, i), "so") == 0)
            return true;
    return false;
}

static bool sentence_has_cue(const AnFeatures *f, int cue, int si)
{
    for (int k = 0; k < f->n_hits; k++)
        if (f->hits[k].cue == cue && f->hits[k].sentence == si && !f->hits[k].negated)
            return true;
    return false;
}

static void sentence_inputs(const AnFeatures *f, int opener_cue, double *x)
{
    const AnTokens *t = f->reply;
    int statements = 0, last_marked = 0, lead = -1, last = 0;
    for (int si = 0; si < f->n_sents; si++) {
        const AnSentence *s = &f->sents[si];
        if (s->words == 0)
            continue;
        const char *w = word_at(t, s->first, s->end);
        const char *w2 = word_at(t, s->first + 1, s->end);
        bool you_first = is_one_of(w, YOU);
        if (s->first < s->end)
            last_marked = s->marked;
        x[AN_X_YOU_START] = fmax(x[AN_X_YOU_START], you_first);
        x[AN_X_I_START] = fmax(x[AN_X_I_START], is_one_of(w, ME));
        x[AN_X_THIRD_START] = fmax(x[AN_X_THIRD_START], is_one_of(w, THIRD));
        x[AN_X_OTHER_START] = fmax(x[AN_X_OTHER_START], is_one_of(w, OTHER));
        bool so = strcmp(raw_first(t, s), "so") == 0 || opens_with_so(t, s);
        bool shaped = you_first || so || (opener_cue >= 0 && sentence_has_cue(f, opener_cue, si));
        if (lead < 0 && s->words >= 3)
            lead = shaped;
        x[AN_X_SO_START] = fmax(x[AN_X_SO_START], so);
        x[AN_X_SO_YOU] = fmax(x[AN_X_SO_YOU], so && you_first);
        bool asks = s->question != AN_Q_NONE && (is_one_of(w, WH) || is_one_of(w, AUX));
        x[AN_X_SO_STATEMENT] = fmax(x[AN_X_SO_STATEMENT], so && !asks);
        if (s->words >= 3)
            last = shaped && !asks;
        bool you_stmt =
            !s->marked && s->question == AN_Q_NONE && s->second_person > 0 && s->first_person == 0;
        statements += you_stmt;
        if (s->marked) {
            bool wh = is_one_of(w, WH) || (strcmp(w, "tell") == 0 && strcmp(w2, "me") == 0);
            bool aux = !wh && is_one_of(w, AUX);
            bool tag = s->words <= 2 && is_one_of(w, TAGS);
            x[AN_X_Q_WH] = fmax(x[AN_X_Q_WH], wh);
            x[AN_X_Q_AUX] = fmax(x[AN_X_Q_AUX], aux);
            if (!wh && !aux && !tag) {
                x[AN_X_Q_DECL] = 1;
                if (s->second_person > 0)
                    x[AN_X_Q_DECL_YOU] = 1;
            }
            if (opener_cue >= 0 && sentence_has_cue(f, opener_cue, si))
                x[AN_X_OPENER_MARKED] = 1;
        } else if (s->question != AN_Q_NONE) {
            x[AN_X_Q_UNMARKED] = 1;
        }
    }
    x[AN_X_YOU_STATEMENT] = statements > 0;
    x[AN_X_YOU_STMT_SHARE] = f->n_sents ? (double)statements / f->n_sents : 0.0;
    x[AN_X_Q_LAST] = last_marked;
    x[AN_X_LEAD_REFLECT] = lead > 0;
    x[AN_X_LAST_REFLECT] = last;
}

void an_model_inputs(const AnModelCues *c, const AnFeatures *f, double *x)
{
    memset(x, 0, AN_X_COUNT * sizeof *x);
    double words = f->words > 0 ? f->words : 0;
    x[AN_X_WORDS] = log1p(words) / 5.0;
    x[AN_X_SENTS] = fmin(f->n_sents / 6.0, 1.0);
    x[AN_X_SHORT] = f->words <= 4;
    x[AN_X_LONG] = f->words > 40;
    x[AN_X_CTX_SHORT] = f->ctx_words <= 3;
    x[AN_X_CTX_WORDS] = log1p((double)f->ctx_words) / 5.0;
    x[AN_X_CTX_LONG] = f->ctx_words >= 15;
    x[AN_X_ECHO] = fmin(f->n_echo / 6.0, 1.0);
    x[AN_X_ECHO_ANY] = f->n_echo > 0;
    x[AN_X_OVERLAP] = f->overlap;
    x[AN_X_FEELING] = f->n_feelings > 0;
    for (int i = 0; i < f->n_feelings; i++)
        if (f->feeling_echoed[i])
            x[AN_X_FEELING_ECHOED] = 1;
    x[AN_X_PERSPECTIVE] = f->perspective_shift;
    if (words > 0) {
        x[AN_X_YOU_SHARE] = f->second_person / words;
        x[AN_X_I_SHARE] = f->first_person / words;
        int we = 0;
        for (int i = 0; i < f->n_sents; i++)
            we += f->sents[i].we;
        x[AN_X_WE_SHARE] = we / words;
    }
    x[AN_X_PARROT] = f->parrot;
    x[AN_X_COPY] = fmin(f->longest_copy / 10.0, 1.0);
    x[AN_X_Q_MARKED] = 0;
    for (int i = 0; i < f->n_sents; i++)
        if (f->sents[i].marked)
            x[AN_X_Q_MARKED] = 1;
    x[AN_X_Q_COUNT] = fmin(f->questions / 3.0, 1.0);
    sentence_inputs(f, c->id[AN_X_OPENER], x);
    for (int k = 0; k < f->n_hits; k++) {
        if (f->hits[k].negated)
            continue;
        for (size_t j = 0; j < sizeof CUE_INPUTS / sizeof CUE_INPUTS[0]; j++)
            if (c->id[CUE_INPUTS[j].x] == f->hits[k].cue)
                x[CUE_INPUTS[j].x] = 1;
    }
    const AnTokens *t = f->reply;
    for (int i = 0; i < t->count; i++)
        if (t->items[i].kind == AN_TOK_NUMBER) {
            x[AN_X_NUMBER] = 1;
            break;
        }
    if (t->count > 0 && t->items[0].kind == AN_TOK_PUNCT) {
        const char *p = t->clean + t->items[0].start;
        x[AN_X_FRAGMENT] = p[0] == '-' || (unsigned char)p[0] == 0xE2; /* '-' or a dash */
    }
}

double an_model_score(const AnModel *m, const double *x)
{
    double z = m->bias;
    for (int i = 0; i < AN_X_COUNT; i++)
        z += m->w[i] * x[i];
    return 1.0 / (1.0 + exp(-z));
}

int an_model_explain(const AnModel *m, const double *x, int *top, int k)
{
    int n = 0;
    for (int i = 0; i < AN_X_COUNT; i++) {
        double c = m->w[i] * x[i];
        if (c <= 0)
            continue;
        int at = n < k ? n++ : k; /* insertion into the sorted top-k */
        while (at > 0 && m->w[top[at - 1]] * x[top[at - 1]] < c) {
            if (at < k)
                top[at] = top[at - 1];
            at--;
        }
        if (at < k)
            top[at] = i;
    }
    return n;
}
