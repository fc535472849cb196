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
    [AN_X_YOU_INNER] = "you_inner",
    [AN_X_YOU_INNER_SHARE] = "you_inner_share",
    [AN_X_YOU_ARE_STATE] = "you_are_state",
    [AN_X_INFER_FEELING] = "infer_feeling",
    [AN_X_SUMMARY] = "summary",
    [AN_X_TENTATIVE] = "tentative",
    [AN_X_CONTINUES] = "continues",
    [AN_X_CTX_CUT] = "ctx_cut",
    [AN_X_CLEAN_YOU] = "clean_you",
    [AN_X_YOU_RATIO] = "you_ratio",
    [AN_X_FAMILY_ECHO] = "family_echo",
    [AN_X_OVERLAP_FAMILY] = "overlap_family",
    [AN_X_CTX_FEELING] = "ctx_feeling",
    [AN_X_READING] = "reading",
    [AN_X_IF_YOU] = "if_you",
    [AN_X_ASKS] = "asks",
    [AN_X_ONLY_ASKS] = "only_asks",
    [AN_X_SB] = "said_back",
    [AN_X_SB_NEW] = "said_back_new",
    [AN_X_SB_ECHO] = "said_back_echo",
    [AN_X_SB_AMOUNT] = "said_back_amount",
    [AN_X_SB_SHORT] = "said_back_short",
    [AN_X_SB_LONG] = "said_back_long",
    [AN_X_SB_AFTER] = "said_back_after",
    [AN_X_SB_SO] = "said_back_so",
    [AN_X_SB_YOU_START] = "said_back_you_start",
    [AN_X_SB_READING] = "said_back_reading",
    [AN_X_SB_YOU_MEAN] = "said_back_you_mean",
    [AN_X_SB_FEELING] = "said_back_feeling",
    [AN_X_SB_NEGATED] = "said_back_negated",
    [AN_X_SB_CTX_I] = "said_back_ctx_i",
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
    {AN_X_INFER_FEELING, "infer_feeling"},
    {AN_X_SUMMARY, "summary"},
    {AN_X_TENTATIVE, "tentative"},
    {AN_X_READING, "reading"},
    {AN_X_IF_YOU, "if_you"},
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

/* for reflection: telling, informing and the hurting moves only count against it; the other
 * helping moves say nothing about it either way */
static const AnInput REFLECTION_AGAINST[] = {
    AN_X_FIX_IT,  AN_X_CRITICISM, AN_X_CONTEMPT, AN_X_MINIMIZING, AN_X_DEFENSIVE,
    AN_X_COUNTER, AN_X_YOU_MODAL, AN_X_INFORM,   AN_X_IF_YOU,     AN_X_NUMBER};
static const AnInput REFLECTION_SILENT[] = {AN_X_VALIDATION, AN_X_NEXT_STEP, AN_X_OWNERSHIP,
                                            AN_X_APOLOGY,    AN_X_THANKS,    AN_X_AFFIRM};

static bool listed(const AnInput *list, size_t n, int i)
{
    for (size_t k = 0; k < n; k++)
        if ((int)list[k] == i)
            return true;
    return false;
}

int an_model_sign(const char *tag, int i)
{
    if (i >= AN_X_SB)
        return 0; /* for the said-back model of `heard train --said-back` alone */
    if (strcmp(tag, "reflection") != 0)
        return 1;
    if (listed(REFLECTION_AGAINST, sizeof REFLECTION_AGAINST / sizeof REFLECTION_AGAINST[0], i))
        return -1;
    if (listed(REFLECTION_SILENT, sizeof REFLECTION_SILENT / sizeof REFLECTION_SILENT[0], i))
        return 0;
    return 1;
}

void an_model_cues_bind(AnModelCues *c, const AnMatcher *m)
{
    for (int i = 0; i < AN_X_COUNT; i++)
        c->id[i] = -1;
    for (size_t k = 0; k < sizeof CUE_INPUTS / sizeof CUE_INPUTS[0]; k++)
        c->id[CUE_INPUTS[k].x] = m ? an_matcher_cue_id(m, CUE_INPUTS[k].cue) : -1;
    /* read sentence by sentence in shape_inputs, not as plain cue inputs */
    c->id[AN_X_YOU_INNER] = m ? an_matcher_cue_id(m, "you_inner") : -1;
    c->id[AN_X_YOU_ARE_STATE] = m ? an_matcher_cue_id(m, "you_are_state") : -1;
    c->hedge_i = m ? an_matcher_cue_id(m, "hedge_i") : -1;
    c->amount = m ? an_matcher_cue_id(m, "amount") : -1;
    c->you_mean = m ? an_matcher_cue_id(m, "you_mean") : -1;
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

/* ---- reflective shape ---------------------------------------------------------------- */

/* The cues that make a sentence something other than the partner's side given back:
 * advice, information, one's own grievance, blame, mockery, waving the feeling away. */
static const AnInput NOT_THEIR_SIDE[] = {AN_X_FIX_IT,    AN_X_YOU_MODAL, AN_X_INFORM,
                                         AN_X_CRITICISM, AN_X_COUNTER,   AN_X_DEFENSIVE,
                                         AN_X_CONTEMPT,  AN_X_MINIMIZING};

static int count_cue(const AnFeatures *f, int cue, int si, bool with_negated)
{
    int n = 0;
    for (int k = 0; k < f->n_hits; k++)
        n += cue >= 0 && f->hits[k].cue == cue && (si < 0 || f->hits[k].sentence == si) &&
             (with_negated || !f->hits[k].negated);
    return n;
}

static bool not_their_side(const AnModelCues *c, const AnFeatures *f, int si)
{
    for (size_t k = 0; k < sizeof NOT_THEIR_SIDE / sizeof NOT_THEIR_SIDE[0]; k++)
        if (count_cue(f, c->id[NOT_THEIR_SIDE[k]], si, false) > 0)
            return true;
    return false;
}

/* I, me, my in sentence SI that are not the listener's hedges ("I guess", "I mean"). */
static int own_first_person(const AnModelCues *c, const AnFeatures *f, int si)
{
    int n = f->sents[si].first_person - count_cue(f, c->hedge_i, si, true);
    return n > 0 ? n : 0;
}

/* Byte at the start of the text after spaces and quotes, with the next two. */
static const char *text_start(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '"' || *s == '\'')
        s++;
    return s;
}

/* A dash or an ellipsis: the text breaks off or carries on. */
static bool is_break(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] == '-' || (u[0] == '.' && u[1] == '.'))
        return true;
    /* U+2013, U+2014 (dashes), U+2026 (ellipsis) */
    return u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94 || u[2] == 0xA6);
}

/* True when the partner's turn ends without a sentence mark: cut off, or trailing a comma. */
static bool breaks_off(const AnTokens *t)
{
    if (!t || t->count == 0)
        return false;
    const AnToken *last = &t->items[t->count - 1];
    if (last->kind == AN_TOK_SENT_END) {
        const char *p = t->clean + last->start; /* "..." ends a sentence but trails off */
        return p[0] == '.' && last->end - last->start >= 2;
    }
    return last->kind != AN_TOK_OTHER;
}

static void shape_inputs(const AnModelCues *c, const AnFeatures *f, double *x)
{
    int inner = 0, counted = 0, own_i = 0, asking = 0;
    for (int si = 0; si < f->n_sents; si++) {
        const AnSentence *s = &f->sents[si];
        int mine = own_first_person(c, f, si);
        own_i += mine;
        if (s->words < 2)
            continue;
        counted++;
        asking += s->asks;
        if (s->asks || mine > 0 || not_their_side(c, f, si))
            continue;
        bool in = count_cue(f, c->id[AN_X_YOU_INNER], si, true) > 0;
        bool st = count_cue(f, c->id[AN_X_YOU_ARE_STATE], si, true) > 0;
        inner += in || st;
        x[AN_X_YOU_INNER] = fmax(x[AN_X_YOU_INNER], in);
        x[AN_X_YOU_ARE_STATE] = fmax(x[AN_X_YOU_ARE_STATE], st);
    }
    x[AN_X_YOU_INNER_SHARE] = counted ? (double)inner / counted : 0.0;
    x[AN_X_ASKS] = f->asking > 0;
    x[AN_X_ONLY_ASKS] = counted > 0 && asking == counted;
    x[AN_X_CLEAN_YOU] = f->second_person > 0 && own_i == 0 && !not_their_side(c, f, -1);
    x[AN_X_YOU_RATIO] =
        f->second_person + own_i > 0 ? (double)f->second_person / (f->second_person + own_i) : 0.5;
    const char *p = text_start(f->reply->clean);
    x[AN_X_CONTINUES] = is_break(p) || (*p >= 'a' && *p <= 'z' && !(p[0] == 'i' && p[1] == ' '));
    x[AN_X_CTX_CUT] = breaks_off(f->context);
    x[AN_X_FAMILY_ECHO] = f->family_echo > 0;
    x[AN_X_OVERLAP_FAMILY] = f->overlap_family;
    x[AN_X_CTX_FEELING] = f->ctx_families > 0;
}

/* ---- a '?' on a statement about the partner ----------------------------------------- */

static bool in_sentence(const AnFeatures *f, int cue, int si)
{
    return cue >= 0 && count_cue(f, cue, si, true) > 0;
}

/* Reads the last said-back sentence when no sentence asks in form: whether it gives the
 * partner's words back (a reflection) or brings something they did not say to confirm. */
static void said_back_inputs(const AnModelCues *c, const AnFeatures *f, double *x)
{
    if (f->said_back == 0 || f->asking > 0)
        return;
    const AnTokens *t = f->reply;
    int si = f->n_sents - 1, before = 0;
    while (si > 0 && !f->sents[si].said_back)
        si--;
    for (int k = 0; k < si; k++)
        before += f->sents[k].words >= 3;
    const AnSentence *s = &f->sents[si];
    x[AN_X_SB] = 1;
    x[AN_X_SB_NEW] = s->content ? 1.0 - (double)s->related / s->content : 0.0;
    x[AN_X_SB_ECHO] = fmin(s->related / 4.0, 1.0);
    bool amount = in_sentence(f, c->amount, si), negated = false;
    for (int i = s->start; i < s->end; i++) {
        amount = amount || t->items[i].kind == AN_TOK_NUMBER;
        negated = negated || (t->items[i].kind == AN_TOK_WORD && f->info[i].negated);
    }
    x[AN_X_SB_AMOUNT] = amount;
    x[AN_X_SB_SHORT] = s->words <= 4;
    x[AN_X_SB_LONG] = s->words > 15;
    x[AN_X_SB_AFTER] = before > 0;
    x[AN_X_SB_SO] = strcmp(raw_first(t, s), "so") == 0 || opens_with_so(t, s);
    x[AN_X_SB_YOU_START] = is_one_of(word_at(t, s->first, s->end), YOU);
    x[AN_X_SB_READING] =
        in_sentence(f, c->id[AN_X_OPENER], si) || in_sentence(f, c->id[AN_X_READING], si) ||
        in_sentence(f, c->id[AN_X_TENTATIVE], si) || in_sentence(f, c->id[AN_X_HEDGE], si);
    x[AN_X_SB_YOU_MEAN] = in_sentence(f, c->you_mean, si);
    for (int k = 0; k < f->n_feelings; k++)
        if (t->items[f->feelings[k]].sentence == (unsigned)si)
            x[AN_X_SB_FEELING] = 1;
    x[AN_X_SB_NEGATED] = negated;
    x[AN_X_SB_CTX_I] = f->ctx_first_person > 0;
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
    /* the tokenizer keeps no leading hyphen, so the text itself is read */
    x[AN_X_FRAGMENT] = is_break(text_start(t->clean));
    shape_inputs(c, f, x);
    said_back_inputs(c, f, x);
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
