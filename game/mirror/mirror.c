/* mirror.c: an example of saying it back (see mirror.h). The partner's words are read
 * through the analyser's tokenizer into words (a contraction is one word: "I'm" reads
 * "i am"), sentence by sentence; each sentence that says something is turned to the
 * listener's side word by word, keeping the partner's own spelling for every word it does
 * not turn, and the sentences are joined into one example with a check at the end.
 *
 * Depends on: game/analysis/an_tokenize.h, libc. */
#include "game/mirror/mirror.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_tokenize.h"

#define WORDS_MAX 256   /* words read; a reply is a few sentences */
#define CLAUSE_MAX 32   /* words of one sentence said back, at most */
#define SENTENCES_MAX 2 /* sentences said back */

typedef struct Word {
    size_t start, end; /* its bytes in the tokenizer's clean text */
    char folded[40];   /* the tokenizer's words for it, joined by ' ': "i am", "do not" */
    int kind;          /* AnTokenKind of its first token */
    int sentence;
    char mark; /* AN_TOK_SENT_END: '.', '!' or '?' */
} Word;

typedef struct Text {
    char buf[MIRROR_MAX];
    size_t len;
} Text;

/* ---- word lists ------------------------------------------------------------------------ */

static int in(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return 1;
    return 0;
}

/* Dropped at the start of a sentence: "Well, ...", "Ugh." */
static const char *const fillers[] = {
    "well",      "ugh",  "um",  "uh",     "uhm",     "oh",       "hey",
    "so",        "okay", "ok",  "anyway", "anyways", "honestly", "seriously",
    "basically", "god",  "omg", "wow",    "argh",    "hmm",      NULL};

/* Dropped at the start of a sentence when a comma follows: "Look, ...", "Yes, ..." */
static const char *const comma_fillers[] = {"look",    "listen", "yes",  "yeah",  "no",   "like",
                                            "man",     "babe",   "hon",  "honey", "dude", "right",
                                            "sweetie", "mate",   "love", NULL};

/* Words that start a command: "Call the landlord." */
static const char *const commands[] = {
    "stop", "call", "take",   "put",    "pick",   "help",  "clean", "listen", "give",     "tell",
    "come", "go",   "get",    "leave",  "let",    "make",  "try",   "fix",    "pay",      "wash",
    "text", "ring", "answer", "turn",   "bring",  "keep",  "buy",   "throw",  "hang",     "empty",
    "tidy", "cook", "book",   "check",  "talk",   "think", "look",  "ask",    "be",       "do",
    "show", "wait", "move",   "sort",   "finish", "put",   "quit",  "drop",   "remember", "read",
    "wake", "feed", "walk",   "forget", "calm",   "grow",  "shut",  NULL};

/* Words a question opens with: "why ...", "do you ...", "are we ..." */
static const char *const wh_words[] = {"why", "what",  "how",   "where", "when",
                                       "who", "which", "whose", "whom",  NULL};
static const char *const aux_words[] = {
    "do",        "does",     "did",       "do not",     "does not", "did not", "is",
    "are",       "was",      "were",      "is not",     "are not",  "was not", "were not",
    "am",        "can",      "could",     "will",       "would",    "should",  "can not",
    "could not", "will not", "would not", "should not", "have",     "has",     "had",
    "have not",  "has not",  "may",       "might",      "must",     "shall",   NULL};

/* After "you": "you people", "you guys", "you lot" mean the listener and the rest of them. */
static const char *const plural_you[] = {"people", "guys", "lot", NULL};

/* Pronouns a question's auxiliary comes before: "do you", "are we" */
static const char *const pronouns[] = {"i", "you", "we", "he", "she", "they", "it", "u", NULL};

/* Between a subject and its verb: "I really was", "you never are" */
static const char *const adverbs[] = {
    "really", "just",    "never",    "always",   "even",    "still",     "also",      "only",
    "ever",   "so",      "too",      "actually", "totally", "literally", "sometimes", "usually",
    "often",  "already", "honestly", "kind of",  "sort of", NULL};

/* Before "you", these leave it the subject: "and you", "when you", "do you" */
static const char *const subject_before[] = {
    "and",       "but",      "or",       "so",        "because",   "cause",     "cuz",
    "when",      "whenever", "if",       "that",      "since",     "while",     "until",
    "unless",    "though",   "although", "as",        "why",       "what",      "how",
    "where",     "who",      "whether",  "then",      "plus",      "once",      "after",
    "before",    "do",       "does",     "did",       "do not",    "does not",  "did not",
    "are",       "are not",  "were",     "were not",  "can",       "can not",   "could",
    "could not", "will",     "will not", "would",     "would not", "should",    "should not",
    "have",      "have not", "has",      "had",       "had not",   "is",        "is not",
    "was",       "was not",  "must",     "might",     "may",       "sometimes", "now",
    "again",     "also",     "still",    "even",      "just",      "never",     "always",
    "then",      "today",    "tonight",  "yesterday", NULL};

/* Before "you", these make it an object: "with you", "told you", "let you" */
static const char *const object_before[] = {
    "to",      "for",   "with",  "at",      "about",  "from",    "of",    "on",      "by",
    "without", "than",  "after", "around",  "behind", "into",    "onto",  "towards", "toward",
    "against", "over",  "under", "between", "except", "through", "watch", "see",     "saw",
    "let",     "make",  "made",  "help",    "hear",   "heard",   "want",  "need",    "told",
    "tell",    "ask",   "asked", "expect",  "love",   "hate",    "thank", "miss",    "trust",
    "believe", "blame", "leave", "left",    "call",   "called",  "give",  "gave",    "show",
    "showed",  "not",   NULL};

/* After "you", these make it the subject: "you leave", "you never" */
static const char *const verbs_after[] = {
    "are",      "were",     "was",       "am",      "is",         "do",    "does",      "did",
    "do not",   "does not", "did not",   "can",     "can not",    "could", "could not", "will",
    "will not", "would",    "would not", "should",  "should not", "have",  "have not",  "has",
    "had",      "had not",  "must",      "might",   "may",        "need",  "needed",    "never",
    "always",   "just",     "really",    "even",    "still",      "keep",  "kept",      "leave",
    "left",     "go",       "went",      "get",     "got",        "say",   "said",      "make",
    "made",     "take",     "took",      "come",    "came",       "know",  "knew",      "think",
    "thought",  "want",     "look",      "forget",  "forgot",     "spend", "spent",     "buy",
    "bought",   "promise",  "bring",     "brought", "tell",       "told",  "ask",       "call",
    "talk",     "listen",   "let",       "put",     "give",       "gave",  "help",      "hear",
    "see",      "saw",      "start",     "stop",    "try",        "tried", "work",      "play",
    "act",      "care",     "treat",     "drink",   "drank",      "eat",   "ate",       "sleep",
    "slept",    "walk",     "run",       "ran",     "sit",        "check", "text",      "ring",
    "book",     "pick",     "clean",     "cook",    "watch",      "love",  "like",      "hate",
    "seem",     "feel",     "felt",      "pay",     "paid",       "owe",   "miss",      "blame",
    "yell",     "shout",    "snap",      "ignore",  "laugh",      "roll",  "scroll",    "wanna",
    "gonna",    "bring",    "sound",     "sounded", "also",       "only",  "ever",      "sometimes",
    "usually",  "often",    NULL};

/* Words that open a sentence and read in lower case after "So " ("the microwave ..."); any
 * other capitalised opener is kept as typed, as a name would be ("Sam forgot ..."), unless
 * the partner wrote it in lower case elsewhere. */
static const char *const openers[] = {
    "the",    "a",         "an",      "this",     "that",      "these",     "those",      "it",
    "it is",  "its",       "there",   "there is", "he",        "she",       "they",       "he is",
    "she is", "they are",  "his",     "her",      "their",     "every",     "everything", "nothing",
    "no",     "nobody",    "someone", "somebody", "everyone",  "everybody", "all",        "some",
    "when",   "if",        "after",   "before",   "since",     "because",   "each",       "one",
    "today",  "yesterday", "tonight", "last",     "our",       "we",        "we are",     "people",
    "what",   "why",       "how",     "where",    "who",       "is",        "are",        "do",
    "does",   "did",       "am",      "was",      "were",      "can",       "could",      "will",
    "would",  "should",    "have",    "has",      "not",       "at",        "on",         "in",
    "for",    "with",      "again",   "now",      "sometimes", "then",      "maybe",      "just",
    "also",   "even",      "still",   "always",   "never",     "too",       "whenever",   "both",
    "most",   "half",      "another", "two",      "three",     "four",      "five",       "six",
    "seven",  "eight",     "nine",    "ten",      "twelve",    "twenty",    "first",      "second",
    "my",     "your",      "me",      "you",      NULL};

/* Feelings a partner may name (the example keeps them when they fall outside what it says
 * back). Two-word ones are written with a space. */
static const char *const feelings[] = {
    "tired",        "exhausted",   "worn out",   "drained",
    "burnt out",    "angry",       "mad",        "furious",
    "annoyed",      "irritated",   "frustrated", "fed up",
    "upset",        "sad",         "hurt",       "lonely",
    "alone",        "ignored",     "invisible",  "unappreciated",
    "disrespected", "scared",      "afraid",     "frightened",
    "worried",      "anxious",     "nervous",    "stressed",
    "overwhelmed",  "stuck",       "trapped",    "embarrassed",
    "ashamed",      "humiliated",  "jealous",    "insecure",
    "disappointed", "let down",    "betrayed",   "neglected",
    "unsupported",  "unloved",     "unwanted",   "rejected",
    "judged",       "guilty",      "confused",   "helpless",
    "hopeless",     "miserable",   "left out",   "taken for granted",
    "desperate",    "heartbroken", NULL};

/* ---- reading the words ----------------------------------------------------------------- */

/* Groups the tokens of T into words (the tokens of one contraction share a span). Returns
 * the count. */
static int read_words(const AnTokens *t, Word *w, int max)
{
    int n = 0;
    for (int i = 0; i < t->count && n < max; i++) {
        const AnToken *k = &t->items[i];
        Word *last = n ? &w[n - 1] : NULL;
        if (last && last->start == k->start && last->end == k->end) {
            size_t used = strlen(last->folded);
            snprintf(last->folded + used, sizeof last->folded - used, " %s", an_token_text(t, i));
            continue;
        }
        Word *x = &w[n++];
        memset(x, 0, sizeof *x);
        x->start = k->start;
        x->end = k->end;
        x->kind = k->kind;
        x->sentence = (int)k->sentence;
        snprintf(x->folded, sizeof x->folded, "%s", an_token_text(t, i));
        if (k->kind == AN_TOK_SENT_END)
            x->mark = an_token_text(t, i)[0];
    }
    return n;
}

static int is_word(const Word *w)
{
    return w->kind == AN_TOK_WORD || w->kind == AN_TOK_NUMBER;
}

static void put(Text *o, const char *s, size_t n)
{
    if (o->len + n >= sizeof o->buf)
        n = sizeof o->buf - 1 - o->len;
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void puts_(Text *o, const char *s)
{
    put(o, s, strlen(s));
}

/* ---- one sentence ---------------------------------------------------------------------- */

typedef enum Shape { SAYS, ASKS, WANTS_ME, WANTS_ME_NOT, WANTS_US } Shape;

typedef struct Sentence {
    const char *clean; /* the tokenizer's clean text */
    const Word *w;     /* every word of the text */
    int n;             /* how many */
    int a, b;          /* its words to say back: [a, b) */
    Shape shape;
    char mark;   /* how it ended: '.', '!', '?' */
    int subject; /* while turning: 1 after a "you" that was "I", 2 after an "I" that was "you" */
    int skip;    /* while turning: the next word is said with this one ("you people") */
    int cut;     /* it was too long and was cut */
} Sentence;

static const char *folded(const Sentence *s, int i)
{
    return i >= s->a && i < s->b && is_word(&s->w[i]) ? s->w[i].folded : NULL;
}

/* Verbs that take a clause without "that": "I can't believe you lent ...", "I heard you
 * went ...". After them "you" opens the clause when an auxiliary (aux_words) or a verb in
 * the past follows; before a bare verb it stays an object ("I saw you leave"). */
static const char *const clause_verbs[] = {"believe", "hear", "heard", "see",  "saw",
                                           "told",    "tell", "hate",  "love", NULL};

/* Past forms, which like an auxiliary (aux_words) can only be the verb of a clause. */
static const char *const past_forms[] = {
    "went",  "got",    "said",    "took",  "came",    "knew",   "thought",  "forgot",
    "spent", "bought", "brought", "gave",  "kept",    "left",   "drank",    "ate",
    "slept", "ran",    "lent",    "sent",  "lost",    "broke",  "stole",    "sold",
    "paid",  "wrote",  "chose",   "threw", "invited", "booked", "promised", NULL};

/* Whether "you" at I is the subject of its clause (it becomes "I") or an object ("me"). */
static int you_is_subject(const Sentence *s, int i)
{
    const char *prev = folded(s, i - 1), *next = folded(s, i + 1);
    if (!prev)
        return 1; /* the start of the sentence, or after a comma */
    if (next && in(prev, clause_verbs)) {
        size_t n = strlen(next);
        return in(next, aux_words) || in(next, past_forms) ||
               (n > 3 && strcmp(next + n - 2, "ed") == 0);
    }
    if (strcmp(prev, "like") == 0) {
        /* "feel like you ..." joins a clause; "don't like you ..." takes an object */
        const char *before = folded(s, i - 2);
        static const char *const joining[] = {"feel",  "feels",  "felt",   "feeling", "look",
                                              "looks", "looked", "seem",   "seems",   "seemed",
                                              "sound", "sounds", "is",     "it is",   "just",
                                              "act",   "acts",   "acting", NULL};
        return !before || in(before, joining);
    }
    if (in(prev, object_before))
        return 0;
    if (in(prev, subject_before))
        return 1;
    if (!next || strcmp(next, "to") == 0)
        return 0;
    size_t n = strlen(next);
    return in(next, verbs_after) || (n > 3 && strcmp(next + n - 2, "ed") == 0);
}

/* The words that replace word I, or NULL to keep the partner's own. Keeps S->subject up to
 * date for the verbs that agree with it. */
static const char *turn_word(Sentence *s, int i)
{
    const char *w = s->w[i].folded, *next = folded(s, i + 1);
    int subject = s->subject;
    if (!in(w, adverbs))
        s->subject = 0;
    static const char *const mine[][2] = {
        {"me", "you"},  {"my", "your"},    {"mine", "yours"},      {"myself", "yourself"},
        {"your", "my"}, {"yours", "mine"}, {"yourself", "myself"}, {"yourselves", "ourselves"}};
    for (size_t k = 0; k < sizeof mine / sizeof mine[0]; k++)
        if (strcmp(w, mine[k][0]) == 0)
            return mine[k][1];
    static const char *const speaker[][2] = {{"i", "you"},
                                             {"i am", "you're"},
                                             {"i have", "you've"},
                                             {"i would", "you'd"},
                                             {"i will", "you'll"}};
    for (size_t k = 0; k < sizeof speaker / sizeof speaker[0]; k++)
        if (strcmp(w, speaker[k][0]) == 0) {
            s->subject = 1;
            return speaker[k][1];
        }
    /* typed without the apostrophe: "id love", "ill call" (a plain verb after them, and no
     * "my" or "the" before, says which: "my id was stolen" keeps its id) */
    static const char *const owners[] = {"my", "your", "his",  "her",  "our", "their", "the",
                                         "a",  "an",   "this", "that", "new", NULL};
    const char *before = folded(s, i - 1);
    if (next && !(before && in(before, owners)) && !in(next, aux_words) && !in(next, past_forms) &&
        (in(next, verbs_after) || strcmp(next, "be") == 0 || strcmp(next, "rather") == 0)) {
        if (strcmp(w, "id") == 0) {
            s->subject = 1;
            return "you'd";
        }
        if (strcmp(w, "ill") == 0) {
            s->subject = 1;
            return "you'll";
        }
    }
    if (strcmp(w, "youd") == 0) {
        s->subject = 2;
        return "I'd";
    }
    static const char *const listener[][2] = {
        {"you are", "I'm"}, {"you have", "I've"}, {"you would", "I'd"}, {"you will", "I'll"}};
    for (size_t k = 0; k < sizeof listener / sizeof listener[0]; k++)
        if (strcmp(w, listener[k][0]) == 0) {
            s->subject = 2;
            return listener[k][1];
        }
    if (strcmp(w, "you") == 0) {
        int subject_you = you_is_subject(s, i);
        if (next && in(next, plural_you)) { /* "you people": the listener's side, "we" */
            s->skip = 1;
            return subject_you ? "we" : "us";
        }
        if (!subject_you)
            return "me";
        s->subject = 2;
        return "I";
    }
    /* verbs that agree: "I was" -> "you were", "are you" -> "am I" */
    const char *after = folded(s, i + 2);
    int asks_me = next && strcmp(next, "you") == 0 && !(after && in(after, plural_you));
    int asks_you = next && strcmp(next, "i") == 0;
    if (strcmp(w, "am") == 0)
        return "are";
    if (strcmp(w, "was") == 0 && (subject == 1 || asks_you))
        return "were";
    if (strcmp(w, "was not") == 0 && (subject == 1 || asks_you))
        return "weren't";
    if (strcmp(w, "are") == 0 && (subject == 2 || asks_me))
        return "am";
    if (strcmp(w, "are not") == 0 && subject == 2)
        return "am not";
    if (strcmp(w, "were") == 0 && (subject == 2 || asks_me))
        return "was";
    if (strcmp(w, "were not") == 0 && (subject == 2 || asks_me))
        return "wasn't";
    if (in(w, adverbs))
        s->subject = subject;
    return NULL;
}

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Whether word I, capitalised at the start of its sentence, only has its capital for that:
 * a word that opens sentences (openers), or one the partner wrote in lower case elsewhere;
 * a name ("Sam"), a word in capitals ("TV") or any other keeps it. */
static int only_starts(const Sentence *s, int i)
{
    const Word *w = &s->w[i];
    if (w->end - w->start > 1 && is_upper(s->clean[w->start + 1]))
        return 0;
    char head[sizeof w->folded]; /* "that is" for "That's": its first word decides */
    snprintf(head, sizeof head, "%s", w->folded);
    head[strcspn(head, " ")] = '\0';
    if (in(head, openers) || in(head, commands) || in(head, wh_words) || in(head, aux_words))
        return 1;
    for (int j = 0; j < s->n; j++)
        if (j != i && strcmp(s->w[j].folded, w->folded) == 0 && !is_upper(s->clean[s->w[j].start]))
            return 1;
    return 0;
}

/* Writes word I of S said back; FIRST: it opens the clause, where a capital that only
 * started the partner's sentence is dropped ("So the microwave ..."). */
static void put_word(Text *o, Sentence *s, int i, int first)
{
    const Word *w = &s->w[i];
    int glued = i > 0 && s->w[i - 1].end == w->start && s->w[i - 1].kind == AN_TOK_NUMBER;
    const char *swapped = is_word(w) && !glued ? turn_word(s, i) : NULL; /* "2am" stays */
    if (swapped) {
        puts_(o, swapped);
        return;
    }
    size_t at = o->len;
    put(o, s->clean + w->start, w->end - w->start);
    if (first && is_word(w) && is_upper(o->buf[at]) && only_starts(s, i))
        o->buf[at] = (char)(o->buf[at] - 'A' + 'a');
}

/* Writes S's words [from, b) said back, with the partner's own spacing between them. */
static void put_clause(Text *o, Sentence *s, int from)
{
    s->subject = 0;
    s->skip = 0;
    for (int i = from; i < s->b; i++) {
        if (s->skip) {
            s->skip = 0;
            continue;
        }
        if (i > from) {
            size_t gap_from = s->w[i - 1].end, gap_to = s->w[i].start;
            int spaced = gap_to > gap_from;
            for (size_t g = gap_from; g < gap_to; g++)
                if (s->clean[g] != ' ' && s->clean[g] != '\t' && s->clean[g] != '\n')
                    spaced = 0;
            if (spaced)
                puts_(o, " ");
            else
                put(o, s->clean + gap_from, gap_to - gap_from);
        }
        put_word(o, s, i, i == from);
    }
    if (s->cut)
        puts_(o, "…");
}

/* Drops what opens S without saying anything ("Well,", "Look,", "Please"). */
static void skip_openers(Sentence *s)
{
    while (s->a < s->b) {
        const Word *w = &s->w[s->a];
        int comma_next = s->a + 1 < s->b && s->w[s->a + 1].kind == AN_TOK_PUNCT;
        if (w->kind == AN_TOK_PUNCT || (is_word(w) && in(w->folded, fillers)) ||
            (is_word(w) && comma_next && in(w->folded, comma_fillers)))
            s->a++;
        else
            break;
    }
}

/* Skips "please", "just" and the like at S->a. */
static void skip_please(Sentence *s)
{
    static const char *const softeners[] = {"please", "pls", "plz", "just", "maybe", NULL};
    while (s->a < s->b && (s->w[s->a].kind == AN_TOK_PUNCT ||
                           (is_word(&s->w[s->a]) && in(s->w[s->a].folded, softeners))))
        s->a++;
}

/* Drops "please" (and the comma after it) at S->A: a sentence it opens that asks for no
 * act of the listener ("Please, no drinking ...", "Please, I need ...") is said back without
 * it, not as "So Please, ...". */
static void drop_please(Sentence *s)
{
    static const char *const please[] = {"please", "pls", "plz", NULL};
    int i = s->a;
    while (i < s->b && s->w[i].kind == AN_TOK_PUNCT)
        i++;
    if (i >= s->b || !is_word(&s->w[i]) || !in(s->w[i].folded, please))
        return;
    i++;
    while (i < s->b && s->w[i].kind == AN_TOK_PUNCT)
        i++;
    if (i < s->b)
        s->a = i;
}

/* Whether S's words from I on open a question: "why ...", "why would he ...", "do you ...". */
static int opens_question(const Sentence *s, int i)
{
    const char *first = folded(s, i), *second = folded(s, i + 1);
    if (!first)
        return 0;
    if (in(first, wh_words))
        return s->mark == '?' || (second && in(second, aux_words));
    return in(first, aux_words) && second && in(second, pronouns);
}

/* What S does: says, asks, or asks for something (and then S->a skips the asking words). A
 * question mark after a statement ("You left it on again, do you know what it costs?") says
 * the statement and asks the question apart: S->b is cut at the comma and *TAIL set to
 * where the question starts, else -1. */
static void read_shape(Sentence *s, int *tail)
{
    int at = s->a;
    *tail = -1;
    skip_please(s); /* "Please, can you ..." */
    const char *first = folded(s, s->a), *second = folded(s, s->a + 1);
    static const char *const asking[] = {"can", "could", "would", "will", NULL};
    s->shape = opens_question(s, s->a) ? ASKS : SAYS;
    if (s->shape == SAYS && s->mark == '?') {
        for (int i = s->a + 1; i < s->b; i++)
            if (s->w[i - 1].kind == AN_TOK_PUNCT && opens_question(s, i)) {
                *tail = i;
                s->b = i - 1;
                break;
            }
    }
    if (!first) {
        s->a = at;
        return;
    }
    if (in(first, asking) && second && (strcmp(second, "you") == 0 || strcmp(second, "we") == 0)) {
        s->shape = strcmp(second, "we") == 0 ? WANTS_US : WANTS_ME;
        s->a += 2;
        skip_please(s);
        if (s->shape == WANTS_ME && folded(s, s->a) && strcmp(folded(s, s->a), "not") == 0) {
            s->shape = WANTS_ME_NOT;
            s->a++;
        }
        return;
    }
    if (strcmp(first, "let us") == 0) {
        s->shape = WANTS_US;
        s->a++;
        skip_please(s);
        return;
    }
    if (strcmp(first, "do not") == 0 && !(second && strcmp(second, "you") == 0)) {
        s->shape = WANTS_ME_NOT;
        s->a++;
        skip_please(s);
    } else if (in(first, commands) && s->mark != '?' &&
               !(second && (strcmp(second, "you") == 0 || strcmp(second, "i") == 0))) {
        s->shape = WANTS_ME;
    } else {
        s->a = at;      /* "just" and "maybe" stay in a sentence that says something */
        drop_please(s); /* "Please, no drinking at ..." says it without the "Please" */
    }
}

/* Keeps S to CLAUSE_MAX words, cut at a comma or "and"/"but" when there is one. */
static void limit_length(Sentence *s)
{
    if (s->b - s->a <= CLAUSE_MAX)
        return;
    int end = s->a + CLAUSE_MAX;
    for (int i = end; i > s->a + 8; i--) {
        const char *f = folded(s, i);
        if (s->w[i].kind == AN_TOK_PUNCT ||
            (f && (strcmp(f, "and") == 0 || strcmp(f, "but") == 0 || strcmp(f, "because") == 0))) {
            s->b = i;
            return;
        }
    }
    s->b = end;
    s->cut = 1;
}

/* ---- the example ------------------------------------------------------------------------- */

/* How a clause said back opens: "you feel" before what was about the listener ("You never
 * listen" -> "you feel I never listen") or about both ("we never talk"), else nothing. */
static const char *lead_for(const Sentence *s)
{
    const char *first = folded(s, s->a);
    if (!first || s->shape != SAYS)
        return "";
    static const char *const felt[] = {"you",  "you are", "you have", "you would", "you will",
                                       "your", "we",      "we are",   "we have",   NULL};
    return in(first, felt) ? "you feel " : "";
}

/* Capitalises the ASCII letter at O->buf[AT]. */
static void capitalise(Text *o, size_t at)
{
    if (at < o->len && o->buf[at] >= 'a' && o->buf[at] <= 'z')
        o->buf[at] = (char)(o->buf[at] - 'a' + 'A');
}

/* Adds sentence S to O after PREV (the shape of the sentence before, or -1 for none). */
static void put_sentence(Text *o, Sentence *s, int prev)
{
    static const char *const opens[] = {[ASKS] = "you're asking: ",
                                        [WANTS_ME] = "you'd like me to ",
                                        [WANTS_ME_NOT] = "you'd like me not to ",
                                        [WANTS_US] = "you'd like us to "};
    int joined = prev == SAYS || prev == WANTS_ME || prev == WANTS_ME_NOT || prev == WANTS_US;
    if (prev < 0)
        puts_(o, "So ");
    else if (joined && s->shape != ASKS)
        puts_(o, ", and ");
    else
        puts_(o, prev == ASKS ? " " : ". ");
    size_t at = o->len;
    puts_(o, s->shape == SAYS ? lead_for(s) : opens[s->shape]);
    put_clause(o, s, s->a);
    if (prev >= 0 && !(joined && s->shape != ASKS))
        capitalise(o, at);
    if (s->shape == ASKS && !s->cut)
        puts_(o, "?");
}

/* The first feeling named in WORDS (N of them) outside [from, to), or NULL. */
static const char *feeling_outside(const Word *w, int n, int from, int to)
{
    for (int i = 0; i < n; i++) {
        if (i >= from && i < to)
            continue;
        for (const char *const *f = feelings; *f; f++) {
            const char *space = strchr(*f, ' ');
            if (!space && strcmp(w[i].folded, *f) == 0)
                return *f;
            if (space && i + 1 < n && strncmp(w[i].folded, *f, (size_t)(space - *f)) == 0 &&
                w[i].folded[space - *f] == '\0' && strncmp(w[i + 1].folded, space + 1, 20) == 0 &&
                !strchr(space + 1, ' '))
                return *f;
        }
    }
    return NULL;
}

/* Reads sentence number K of W (N words) from word *AT on into S; moves *AT past it. */
static void read_sentence(const AnTokens *t, const Word *w, int n, int *at, Sentence *s)
{
    memset(s, 0, sizeof *s);
    s->clean = t->clean;
    s->w = w;
    s->n = n;
    s->a = *at;
    int i = *at;
    while (i < n && w[i].sentence == w[*at].sentence && w[i].kind != AN_TOK_SENT_END)
        i++;
    s->b = i;
    s->mark = i < n && w[i].kind == AN_TOK_SENT_END ? w[i].mark : '.';
    while (i < n && w[i].sentence == w[*at].sentence)
        i++;
    *at = i;
    while (s->b > s->a && w[s->b - 1].kind == AN_TOK_PUNCT)
        s->b--; /* a trailing comma or dash */
}

/* Whether S says enough to be said back: two words or more, and not a fragment that goes
 * on from the sentence before ("... KAYLA. who started in march"). */
static int says_something(const Sentence *s)
{
    int words = 0;
    for (int i = s->a; i < s->b; i++)
        words += is_word(&s->w[i]);
    const char *first = folded(s, s->a);
    static const char *const going_on[] = {"who", "which", "whose", NULL};
    return words >= 2 && !(first && in(first, going_on) && s->mark != '?');
}

/* Says S back into O after the sentence of shape *PREV, and a question it ends with
 * (TAIL: where it starts, or -1). Counts into *SAID. */
static void say_back(Text *o, Sentence *s, int tail, int *prev, int *said)
{
    limit_length(s);
    put_sentence(o, s, *prev);
    *prev = s->shape;
    (*said)++;
    if (tail >= 0) {
        Sentence q = *s;
        q.a = tail;
        q.b = s->b;
        while (q.b < s->n && q.w[q.b].sentence == q.w[tail].sentence &&
               q.w[q.b].kind != AN_TOK_SENT_END)
            q.b++;
        q.shape = ASKS;
        q.cut = 0;
        limit_length(&q);
        put_sentence(o, &q, *prev);
        *prev = ASKS;
    }
}

static int compose(const AnTokens *t, const Word *w, int n, Text *o)
{
    int at = 0, said = 0, prev = -1, from = -1, to = -1;
    while (at < n && said < SENTENCES_MAX) {
        Sentence s;
        read_sentence(t, w, n, &at, &s);
        skip_openers(&s);
        if (!says_something(&s))
            continue;
        int tail, end = s.b;
        read_shape(&s, &tail);
        if (s.a >= s.b)
            continue;
        from = from < 0 ? s.a : from;
        to = end;
        say_back(o, &s, tail, &prev, &said);
    }
    if (!said)
        return -1;
    if (prev != ASKS)
        puts_(o, ".");
    const char *feeling = feeling_outside(w, n, from, to);
    if (feeling) {
        puts_(o, " You feel ");
        puts_(o, feeling);
        puts_(o, ".");
    }
    puts_(o, " Did I get that?");
    return 0;
}

int mirror_example(const char *words, char *out, size_t size)
{
    if (size)
        out[0] = '\0';
    AnTokens *t = an_tokens_create();
    Word *w = malloc(WORDS_MAX * sizeof *w);
    if (!t || !w || an_tokenize(t, words ? words : "", words ? strlen(words) : 0) != 0) {
        an_tokens_destroy(t);
        free(w);
        return -1;
    }
    int n = read_words(t, w, WORDS_MAX);
    Text o = {.len = 0};
    o.buf[0] = '\0';
    int rc = compose(t, w, n, &o);
    an_tokens_destroy(t);
    free(w);
    if (rc != 0 || size == 0)
        return -1;
    size_t len = o.len < size ? o.len : size - 1;
    while (len > 0 && len < o.len && ((unsigned char)o.buf[len] & 0xC0) == 0x80)
        len--; /* cut at a character */
    memcpy(out, o.buf, len);
    out[len] = '\0';
    return 0;
}
