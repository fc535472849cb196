/* test_mirror.c: the example of saying it back (game/mirror/mirror.h). Typical shapes read
 * as natural English, word for word: I, my, me, mine, myself, I'm, I've, I'd and we on the
 * speaker's side; you, your, yourself and the verbs that agree with them on the listener's;
 * questions, requests, commands, several sentences, a feeling named in a sentence it does
 * not say back, text typed in lower case without apostrophes, words that say nothing. Then
 * every prompt of the shipped scenarios, and the contexts of the shared data when they are
 * there (../shared/data), must come out well formed: one example, starting "So ", ending
 * with the check, no first-person word of the speaker left where the speaker never spoke of
 * the listener, and no stray spacing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_csv.h"
#include "game/mirror/mirror.h"

static const struct {
    const char *words, *example;
} shapes[] = {
    /* I'm -> you're, of the issue itself */
    {"I'm tired of reheating stuff on the stove",
     "So you're tired of reheating stuff on the stove. Did I get that?"},
    /* my -> your, a filler dropped */
    {"Well, my toaster doesn't work either.",
     "So your toaster doesn't work either. Did I get that?"},
    /* you -> I (subject) and me -> you; about the listener: "you feel" */
    {"You spent four hundred on a bike without asking me.",
     "So you feel I spent four hundred on a bike without asking you. Did I get that?"},
    /* you as an object -> me; myself -> yourself, my -> your */
    {"I can't watch you drink yourself to death like my father did.",
     "So you can't watch me drink myself to death like your father did. Did I get that?"},
    /* mine, myself */
    {"The last slice was mine and I wanted it for myself.",
     "So the last slice was yours and you wanted it for yourself. Did I get that?"},
    /* I've, I'd, and you'd / you weren't turned with their verbs */
    {"I've asked twice and I'd rather not ask again.",
     "So you've asked twice and you'd rather not ask again. Did I get that?"},
    {"You promised you'd be at the school play and you weren't.",
     "So you feel I promised I'd be at the school play and I wasn't. Did I get that?"},
    /* I was -> you were; you were -> I was; two sentences */
    {"I was so embarrassed. You were laughing at me in front of everyone.",
     "So you were so embarrassed, and you feel I was laughing at you in front of everyone. Did I "
     "get that?"},
    /* we stays ours */
    {"We never talk anymore.", "So you feel we never talk anymore. Did I get that?"},
    /* questions: said back as asked, with the auxiliary turned */
    {"Why is it always me who does the dishes?",
     "So you're asking: why is it always you who does the dishes? Did I get that?"},
    {"Are you even listening to me?",
     "So you're asking: am I even listening to you? Did I get that?"},
    /* a statement that ends in a question */
    {"You left the generator on all night again, do you know how much fuel costs now?",
     "So you feel I left the generator on all night again. You're asking: do I know how much "
     "fuel costs now? Did I get that?"},
    /* requests and commands */
    {"Please, can you help me with the shopping today?",
     "So you'd like me to help you with the shopping today. Did I get that?"},
    {"Stop leaving your socks on the floor.",
     "So you'd like me to stop leaving my socks on the floor. Did I get that?"},
    {"Don't talk to me like that.",
     "So you'd like me not to talk to you like that. Did I get that?"},
    {"I feel anxious when big purchases happen without a talk. Could we agree to check in on "
     "anything over a hundred?",
     "So you feel anxious when big purchases happen without a talk, and you'd like us to agree to "
     "check in on anything over a hundred. Did I get that?"},
    /* several clauses, and a feeling named in a sentence it does not say back */
    {"I'm tired of reheating stuff on the stove. The microwave's been broken for a week and "
     "nobody called the repair shop. I feel so let down.",
     "So you're tired of reheating stuff on the stove, and the microwave's been broken for a "
     "week and nobody called the repair shop. You feel let down. Did I get that?"},
    /* typed fast: lower case, no apostrophes */
    {"im scared youre going to leave me for someone at work",
     "So you're scared I'm going to leave you for someone at work. Did I get that?"},
    {"i hate that you never wanna do anything on weekends",
     "So you hate that I never wanna do anything on weekends. Did I get that?"},
    /* a second sentence joins the first in lower case; a name keeps its capital */
    {"Mum fell again. That's the third time this month and you were supposed to fit the rail.",
     "So Mum fell again, and that's the third time this month and I was supposed to fit the "
     "rail. Did I get that?"},
    /* a "Please" that asks for no act of the listener is left out, not "So Please, ..." */
    {"Please, no drinking at my dad's seventieth. I'm begging you.",
     "So no drinking at your dad's seventieth, and you're begging me. Did I get that?"},
    {"Please I need an hour to myself after work.",
     "So you need an hour to yourself after work. Did I get that?"},
    /* after "believe", "heard", "saw": "you" before a past verb opens the clause, before a
     * bare verb it is an object */
    {"i can't believe you lent your brother money AGAIN",
     "So you can't believe I lent my brother money AGAIN. Did I get that?"},
    {"I heard you went to the pub without me.",
     "So you heard I went to the pub without you. Did I get that?"},
    {"I saw you leave early.", "So you saw me leave early. Did I get that?"},
    /* "id", "ill", "youd" typed without the apostrophe turn sides; "my id" is an id */
    {"id love us to do the dishes together",
     "So you'd love us to do the dishes together. Did I get that?"},
    {"ill be home late", "So you'll be home late. Did I get that?"},
    {"you said youd call the plumber", "So you feel I said I'd call the plumber. Did I get that?"},
    {"my id was stolen at the station", "So your id was stolen at the station. Did I get that?"},
    /* a name keeps its capital, a number its letters */
    {"Sam forgot to pick me up again at 2am.",
     "So Sam forgot to pick you up again at 2am. Did I get that?"},
};

static void test_mirror_typical_shapes_read_naturally(void **state)
{
    (void)state;
    char out[MIRROR_MAX];
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        assert_int_equal(mirror_example(shapes[i].words, out, sizeof out), 0);
        if (strcmp(out, shapes[i].example) != 0)
            fail_msg("\n  words:    %s\n  example:  %s\n  expected: %s", shapes[i].words, out,
                     shapes[i].example);
    }
}

static void test_mirror_nothing_to_say_back(void **state)
{
    (void)state;
    static const char *const nothing[] = {"",    "   ",  "Ugh.",  "Seriously?!",
                                          "...", "🙄", "Well,", NULL};
    char out[MIRROR_MAX] = "x";
    for (size_t i = 0; nothing[i]; i++) {
        assert_int_equal(mirror_example(nothing[i], out, sizeof out), -1);
        assert_string_equal(out, "");
    }
    assert_int_equal(mirror_example(NULL, out, sizeof out), -1);
    /* ill-formed bytes are read as U+FFFD, not passed on */
    assert_int_equal(mirror_example("I'm tired \xff\xfe of it", out, sizeof out), 0);
    assert_non_null(strstr(out, "you're tired"));
    /* a small buffer is cut at a character, never inside one */
    char small[12];
    assert_int_equal(mirror_example("I'm tired of the café", small, sizeof small), 0);
    assert_string_equal(small, "So you're t");
}

/* ---- well formed on real words ------------------------------------------------------------ */

/* Whether WORD (a whole word, any case) stands in S. */
static int has_word(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = s; (p = strstr(p, word)) != NULL; p++) {
        int before = p == s || !isalpha((unsigned char)p[-1]);
        int after = !isalpha((unsigned char)p[n]) && p[n] != '\'';
        if (before && after)
            return 1;
    }
    return 0;
}

/* Checks the example for WORDS; returns 1 when one was made. WHERE names the source. */
static int check_well_formed(const char *words, const char *where)
{
    char out[MIRROR_MAX];
    if (mirror_example(words, out, sizeof out) != 0)
        return 0;
    size_t n = strlen(out);
    const char *end = " Did I get that?";
    if (strncmp(out, "So ", 3) != 0 || n < strlen(end) || strcmp(out + n - strlen(end), end) != 0)
        fail_msg("%s: '%s' -> '%s' is not one example ending with the check", where, words, out);
    static const char *const stray[] = {"  ", " ,", " .", ",,", "..", ", .", "So  ", "So .", NULL};
    for (size_t i = 0; stray[i]; i++)
        if (strstr(out, stray[i]))
            fail_msg("%s: '%s' -> '%s' holds '%s'", where, words, out, stray[i]);
    /* when the speaker spoke only of themselves, no word of theirs is left on their side */
    static const char *const theirs[] = {"i",   "I",    "me",  "my", "mine", "myself",
                                         "I'm", "I've", "I'd", "im", "ive",  NULL};
    static const char *const listeners[] = {
        "you",   "You",    "your", "Your", "yours",  "yourself", "you're", "youre",
        "you'd", "you've", "ur",   "u",    "You're", "You've",   "You'd",  "youve",
        "youll", "ya",     NULL};
    int about_listener = 0;
    for (size_t i = 0; listeners[i]; i++)
        about_listener |= has_word(words, listeners[i]);
    if (!about_listener) {
        char body[MIRROR_MAX];
        snprintf(body, sizeof body, "%.*s", (int)(n - strlen(end)), out); /* not the check */
        static const char *const leads[] = {"you'd like me not to", "You'd like me not to",
                                            "you'd like me to", "You'd like me to", NULL};
        for (size_t i = 0; leads[i]; i++) /* the example's own words, not the speaker's */
            for (char *p = body; (p = strstr(p, leads[i])) != NULL;)
                memset(p, '_', strlen(leads[i]));
        for (size_t i = 0; theirs[i]; i++)
            if (has_word(body, theirs[i]))
                fail_msg("%s: '%s' -> '%s' keeps the speaker's '%s'", where, words, out, theirs[i]);
    }
    return 1;
}

/* Every prompt of every shipped scenario: the words a partner most often starts with. */
static void test_mirror_every_shipped_prompt(void **state)
{
    (void)state;
    DIR *d = opendir("scripts/scenarios");
    assert_non_null(d);
    struct dirent *e;
    int made = 0;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".lua") != 0)
            continue;
        char path[512], line[1024];
        snprintf(path, sizeof path, "scripts/scenarios/%s", e->d_name);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        int in_prompts = 0;
        while (fgets(line, sizeof line, f)) {
            if (strstr(line, "prompts = {"))
                in_prompts = 1;
            else if (in_prompts && strstr(line, "},") && !strstr(line, "\""))
                in_prompts = 0;
            char *q = in_prompts ? strchr(line, '"') : NULL;
            char *r = q ? strrchr(line, '"') : NULL;
            if (!q || r == q || strstr(line, "speaker = \"first\"\n"))
                continue;
            if (strstr(q, "text = "))
                continue;
            *r = '\0';
            char prompt[1024];
            size_t k = 0;
            for (const char *p = q + 1; *p && k + 1 < sizeof prompt; p++)
                if (!(p[0] == '\\' && p[1] == '"'))
                    prompt[k++] = *p;
            prompt[k] = '\0';
            made += check_well_formed(prompt, path);
        }
        fclose(f);
    }
    closedir(d);
    assert_true(made >= 25);
}

/* The contexts of the shared data, when the data is there: each one that says something
 * gives a well-formed example. */
static void test_mirror_shared_contexts(void **state)
{
    (void)state;
    static const char *const files[] = {
        "../shared/data/couples-dev.csv", "../shared/data/couples-us.csv",
        "../shared/data/couples-intl.csv", "../shared/data/couples-hard-talks.csv"};
    int made = 0, files_read = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        AnCsv *c = an_csv_open(files[i]);
        if (!c)
            continue;
        files_read++;
        AnCsvRow row;
        int header = 1, rc;
        while ((rc = an_csv_next(c, &row)) != 0) {
            if (rc < 0 || header || row.count < 2) {
                header = 0;
                continue;
            }
            made += check_well_formed(row.fields[1], files[i]);
        }
        an_csv_close(c);
    }
    if (!files_read) {
        printf("shared data not found under ../shared/data: only the prompts were read\n");
        return;
    }
    assert_true(made > 500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mirror_typical_shapes_read_naturally),
        cmocka_unit_test(test_mirror_nothing_to_say_back),
        cmocka_unit_test(test_mirror_every_shipped_prompt),
        cmocka_unit_test(test_mirror_shared_contexts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
