/* an_stopwords.c: a sorted list of English function words, searched with bsearch.
 * Depends on libc only. */
#include "game/analysis/an_stopwords.h"

#include <stdlib.h>
#include <string.h>

/* Sorted (strcmp order); contractions are expanded before lookup so none appear here. */
static const char *const STOP[] = {
    "a",          "about",     "above",    "actually",  "after",  "again",   "ago",     "all",
    "almost",     "also",      "am",       "an",        "and",    "any",     "anyway",  "are",
    "around",     "as",        "at",       "back",      "be",     "because", "been",    "before",
    "being",      "below",     "between",  "both",      "but",    "by",      "can",     "could",
    "did",        "do",        "does",     "doing",     "down",   "during",  "each",    "else",
    "even",       "ever",      "every",    "few",       "for",    "from",    "further", "get",
    "gets",       "getting",   "go",       "going",     "got",    "had",     "has",     "have",
    "having",     "he",        "her",      "here",      "hers",   "herself", "him",     "himself",
    "his",        "how",       "i",        "if",        "in",     "into",    "is",      "it",
    "its",        "itself",    "just",     "know",      "like",   "lot",     "me",      "mean",
    "might",      "mine",      "more",     "most",      "much",   "must",    "my",      "myself",
    "no",         "nor",       "not",      "now",       "of",     "off",     "oh",      "ok",
    "okay",       "on",        "once",     "one",       "only",   "or",      "other",   "our",
    "ours",       "ourselves", "out",      "over",      "own",    "really",  "right",   "said",
    "same",       "say",       "shall",    "she",       "should", "so",      "some",    "something",
    "still",      "such",      "than",     "that",      "the",    "their",   "theirs",  "them",
    "themselves", "then",      "there",    "these",     "they",   "thing",   "things",  "think",
    "this",       "those",     "through",  "to",        "too",    "uh",      "um",      "under",
    "until",      "up",        "us",       "very",      "was",    "way",     "we",      "well",
    "were",       "what",      "when",     "where",     "which",  "while",   "who",     "whom",
    "why",        "will",      "with",     "would",     "yeah",   "yes",     "yet",     "you",
    "your",       "yours",     "yourself", "yourselves"};

static int cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool an_is_stopword(const char *word)
{
    return bsearch(&word, STOP, sizeof STOP / sizeof STOP[0], sizeof STOP[0], cmp) != NULL;
}
