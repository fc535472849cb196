/* test_rules.c: the rules bridge with the real lexicons and default.lua.
 *
 * The mechanics (reasons that quote the deciding clause, parroting, points, order,
 * overrides, hostile text, questions and their kind, the moves the lexicon gives) are tested
 * with small hand-made models, so they do not move when the learned weights are retrained.
 * The shipped models are tested for what they should read: fresh examples written for the
 * project, most of which they must get right. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/utf8.h"
#include "game/rules/rules.h"

typedef struct Case {
    const char *tag, *context, *reply;
    int fires;
} Case;

/* Startups (empty context) are scored as the customer, replies as the agent. */
static const Case CASES[] = {
    {"reflection", "I'm fed up that the car broke down on the motorway again.",
     "So the car let you down on the motorway one more time.", 1},
    {"reflection", "I hate doing the school run alone every single day.",
     "You're doing every school run by yourself and it's grinding you down.", 1},
    {"reflection", "I'm fed up that the car broke down again.", "Cars break, buy a new one.", 0},
    {"reflection", "I hate doing the school run alone.", "You always exaggerate.", 0},
    /* reflections that give back a reading, not the partner's words: a state or inner verb
     * about "you", two sides, an inferred feeling, a summary, "sounds like" */
    {"reflection", "Yeah, I guess.", "It's been really hard to feel like yourself lately.", 1},
    {"reflection", "I mean, the weekends are the only time I unwind.",
     "Part of you wants to cut back, and part of you really enjoys it.", 1},
    {"reflection", "Maybe. I've tried before.", "You're not sure it's worth the effort this time.",
     1},
    {"reflection", "My wife keeps bringing up the money I spend at the bar.",
     "Sounds like the drinking has started to cost you.", 1},
    {"reflection", "Yeah.", "So you're torn between keeping the peace and saying what you need.",
     1},
    {"reflection", "I keep telling myself I'll start on Monday.",
     "And Monday keeps slipping, and you end up feeling let down by yourself.", 1},
    {"reflection", "Mm-hmm.",
     "What I'm hearing is that you want your evenings back, but you don't want to lose your "
     "friends either.",
     1},
    {"reflection", "I don't know, it's complicated.",
     "You care about him, and at the same time you're worn out by the fights.", 1},
    {"reflection", "It's fine, whatever.",
     "It must be tough when nobody seems to notice how much you're carrying.", 1},
    {"reflection", "Right.",
     "So far you've said the late shifts, the commute, and missing the kids' bedtime.", 1},
    /* near misses with "you": advice, questions that ask, a grievance or blame of one's own */
    {"reflection", "I can't sleep since the new job.", "You should cut out coffee after lunch.", 0},
    {"reflection", "I can't sleep since the new job.",
     "You need to talk to your boss about the hours.", 0},
    {"reflection", "I can't sleep since the new job.",
     "If you went to bed earlier you'd feel a lot better.", 0},
    {"reflection", "I can't sleep since the new job.", "Do you feel more tired in the mornings?",
     0},
    {"reflection", "I can't sleep since the new job.", "What do you think keeps you awake?", 0},
    {"reflection", "I can't sleep since the new job.", "How do you feel about the new hours?", 0},
    {"reflection", "You left the dishes in the sink again.",
     "You think you have it bad? You should see my week.", 0},
    {"reflection", "You left the dishes in the sink again.",
     "Well, you left your shoes all over the hall, so.", 0},
    {"reflection", "You left the dishes in the sink again.",
     "You always make everything about you.", 0},
    {"reflection", "You left the dishes in the sink again.",
     "You're never happy with anything I do.", 0},
    /* a reflection voiced as a question is still question_closed for players */
    {"question_closed", "Yeah.", "So you're torn between keeping the peace and speaking up?", 1},
    {"reflection", "Yeah.", "So you're torn between keeping the peace and speaking up?", 1},
    {"feeling", "The landlord ignored my email again.", "That must be infuriating.", 1},
    {"feeling", "My sister cancelled our trip.", "You sound really disappointed.", 1},
    {"feeling", "I'm scared about the surgery.", "Don't be scared, it's routine.", 0},
    {"check", "I'm tired of the noise upstairs.", "Did I get that right?", 1},
    {"check", "I'm tired of the noise upstairs.", "Is there more you want to tell me?", 1},
    {"check", "I'm tired of the noise upstairs.", "Did you call the council?", 0},
    /* a check question after a reflection is a check, not validation or a question */
    {"check", "I always end up fixing everything at home.",
     "So you feel like fixing things always lands on you. Did I get that right?", 1},
    {"validation", "I always end up fixing everything at home.",
     "So you feel like fixing things always lands on you. Did I get that right?", 0},
    {"check", "The kettle broke and I want a better one.", "You want a new one. Did I get it?", 1},
    {"question_closed", "The kettle broke and I want a better one.",
     "You want a new one. Did I get it?", 0},
    {"validation", "The kettle broke and I want a better one.", "I get why that bugs you.", 1},
    {"question_open", "I've been drinking more since the move.", "I wonder what you make of that.",
     1},
    {"question_open", "I had the worst day at work.", "Tell me about it, mine was worse.", 0},
    {"question_open", "The meeting went badly.", "What happened in the meeting?", 1},
    {"question_open", "The meeting went badly.", "Tell me more about it.", 1},
    {"question_open", "The meeting went badly.", "Was it the budget one?", 0},
    {"question_closed", "The meeting went badly.", "Was it the budget one?", 1},
    {"question_closed", "The meeting went badly.", "How did it go wrong?", 0},
    {"validation", "I'm nervous about the exam.", "That makes complete sense.", 1},
    {"validation", "I'm nervous about the exam.", "No wonder you're nervous.", 1},
    {"validation", "I'm nervous about the exam.", "It doesn't make any sense to worry.", 0},
    {"thanks", "Can I tell you what bothered me?", "Thank you for telling me.", 1},
    {"thanks", "You forgot the tickets.", "Thanks for nothing, really.", 0},
    {"apology", "You forgot the tickets.", "I'm sorry I forgot them.", 1},
    {"apology", "You forgot the tickets.", "Sorry if that's how you feel.", 0},
    {"ownership", "You forgot the tickets.", "You're right, that's on me.", 1},
    {"ownership", "You forgot the tickets.", "I hadn't thought about it that way.", 1},
    {"ownership", "You forgot the tickets.", "Right, see you later.", 0},
    {"next_step", "The gutter is leaking again.", "I'll call the roofer tomorrow morning.", 1},
    {"next_step", "The gutter is leaking again.", "Can we look at it together on Saturday?", 1},
    {"next_step", "The gutter is leaking again.", "I will never let it leak again.", 0},
    {"counter_complaint", "You never take the recycling out.",
     "Well, I'm the only one who ever cleans the oven.", 1},
    {"counter_complaint", "You left the lights on.",
     "What about all the times you leave the tap running?", 1},
    {"counter_complaint", "My knee hurts.", "Me too. What happened to yours?", 0},
    {"counter_complaint", "You left the lights on.", "You're right, I'll switch them off.", 0},
    {"defensive", "You were late again.", "That's not true, I was on time.", 1},
    {"defensive", "You were late again.", "I hear you, but the bus never came.", 1},
    {"defensive", "You were late again.", "I was late, and I'm sorry.", 0},
    {"criticism", "Can you clean up?", "You never lift a finger.", 1},
    {"criticism", "Can you clean up?", "You're so lazy.", 1},
    {"criticism", "Can you clean up?", "I never noticed the mess.", 0},
    {"contempt", "I'm hurt you didn't call.", "Oh, poor you.", 1},
    {"contempt", "I'm hurt you didn't call.", "Yeah, right.", 1},
    {"contempt", "I'm hurt you didn't call.", "You're right, I should have called.", 0},
    {"minimizing", "I'm upset about the dent.", "Calm down, it's not a big deal.", 1},
    {"minimizing", "I'm upset about the dent.", "I don't think you're overreacting.", 0},
    {"minimizing", "I'm upset about the dent.", "I'm sorry you feel that way.", 1},
    {"fix_it", "My boss keeps emailing at midnight.", "Just turn your phone off.", 1},
    {"fix_it", "My boss keeps emailing at midnight.", "You should have told him no.", 1},
    {"fix_it", "My boss keeps emailing at midnight.", "What do you make of it?", 0},
    {"overpromise", "You missed the call.", "I promise I'll never miss another call.", 1},
    {"overpromise", "You missed the call.", "I'll call back at five.", 0},
    {"stonewalling", "We need to talk about the rent.", "Fine.", 1},
    {"stonewalling", "We need to talk about the rent.", "I'm not talking about this.", 1},
    {"stonewalling", "We need to talk about the rent.", "Okay, let's talk about it tonight.", 0},
    {"soft_startup", "",
     "I feel lonely when dinner is eaten in silence, and I'd love us to chat at the table.", 1},
    {"soft_startup", "", "You never talk to me at dinner.", 0},
    {"request", "", "Could you water the plants on Friday?", 1},
    {"request", "", "The plants are dying.", 0},
    {"criticism", "", "You never help with anything.", 1},
    {"contempt", "", "Wow, look who remembered we have a kitchen.", 1},
    /* a denial of fault that shifts the blame onto them is defensive; a reassurance that it
     * is not their fault, or a feeling they must have had, is not */
    {"defensive", "I bought this blender last week and the lid already cracked.",
     "That isn't our fault, you must have overfilled it.", 1},
    {"defensive", "I bought this blender last week and the lid already cracked.",
     "It's not your fault, a new lid shouldn't crack like that.", 0},
    {"defensive", "I bought this blender last week and the lid already cracked.",
     "You must have been so annoyed when it cracked.", 0},
    /* excusing the one they complain about is defensive; "you're too uptight" labels them */
    {"defensive", "Your dad took over the barbecue again and you just watched.",
     "He was only trying to help, you're too uptight.", 1},
    {"criticism", "Your dad took over the barbecue again and you just watched.",
     "He was only trying to help, you're too uptight.", 1},
    {"feeling", "Your dad took over the barbecue again and you just watched.",
     "He was only trying to help, you're too uptight.", 0},
    {"defensive", "Your dad took over the barbecue again and you just watched.",
     "I wouldn't say he was only trying to help.", 0},
    {"criticism", "Your dad took over the barbecue again and you just watched.",
     "I don't think you're too uptight about it.", 0},
    /* their feeling given back after a clause that sets the scene, "I" and all */
    {"reflection", "I feel forgotten when you don't call on your way home.",
     "When I forget to call, you feel like you're not a priority to me.", 1},
    {"feeling", "I feel forgotten when you don't call on your way home.",
     "When I forget to call, you feel like you're not a priority to me.", 1},
    {"reflection", "I feel forgotten when you don't call on your way home.",
     "When you nag like that, you make me feel like I don't matter.", 0},
    /* a wh-question after one fact is closed; one that invites a story stays open */
    {"question_closed", "My bag didn't come off the carousel.", "How many bags did you check?", 1},
    {"question_closed", "My bag didn't come off the carousel.", "Where did you fly in from?", 1},
    {"question_closed", "My bag didn't come off the carousel.", "Which one is missing?", 1},
    {"question_open", "My bag didn't come off the carousel.", "How many bags did you check?", 0},
    {"question_open", "My bag didn't come off the carousel.", "What happened at the carousel?", 1},
    {"question_closed", "My bag didn't come off the carousel.", "What happened at the carousel?",
     0},
    {"question_open", "My bag didn't come off the carousel.",
     "How do you feel about waiting another day?", 1},
    /* "shocking" mocks only in a sarcastic frame */
    {"contempt", "My boss told me in front of everyone that my job was gone.",
     "It must have been shocking to hear that in front of everyone.", 0},
    {"contempt", "Sorry I'm late again.", "Oh, how shocking, you're late again.", 1},
    /* "you always" inside their feeling given back is theirs, not blame */
    {"criticism", "I always end up covering for everyone at work.",
     "It sounds like you always end up covering for the whole team.", 0},
    {"reflection", "I always end up covering for everyone at work.",
     "It sounds like you always end up covering for the whole team.", 1},
    {"criticism", "I'm tired of covering for everyone at work.",
     "You always end up making everything about you.", 1},
    {"criticism", "You forgot the bins again.", "It feels like you never listen to me.", 1},
    /* advice starts a clause; the same words inside a reading of them are not advice */
    {"fix_it", "I'm worn out and I can't sleep.",
     "It sounds like you want to get some rest before Monday.", 0},
    {"fix_it", "I'm worn out and I can't sleep.", "Just get some rest before Monday.", 1},
    {"fix_it", "I'm worn out and I can't sleep.", "Okay, take a day off and get some sleep.", 1},
};

/* Models that read one plain feature each, so what fires is known. */
static AnModels *hand_made(void)
{
    static const struct {
        const char *tag, *feature;
    } M[] = {
        {"reflection", "subj:you|e"},
        {"feeling", "f"},
        {"check", "cue:check"},
        {"question", "q:ask"},
        {"apology", "cue:apology"},
        {"thanks", "cue:thanks"},
        {"counter_complaint", "w:toaster"},
        {"criticism", "w:alway"},
        {"minimizing", "w:calm"},
        {"soft_startup", "f"},
    };
    AnModels *ms = an_models_create();
    for (size_t i = 0; i < sizeof M / sizeof M[0]; i++) {
        double w = 8.0;
        assert_int_equal(an_models_add(ms, "couples", M[i].tag, -4.0, 0.5, &M[i].feature, &w, 1),
                         0);
    }
    return ms;
}

static int setup(void **state)
{
    ScriptError err;
    Rules *r = rules_load(".", &err);
    if (!r)
        fail_msg("rules_load: %s", err.message);
    rules_set_models(r, hand_made());
    *state = r;
    return 0;
}

static int teardown(void **state)
{
    rules_destroy(*state);
    return 0;
}

static int has(const MoveList *ml, const char *tag)
{
    for (int i = 0; i < ml->count; i++)
        if (strcmp(ml->items[i].tag, tag) == 0)
            return 1;
    return 0;
}

static void test_rules_shipped_models_read_fresh_examples(void **state)
{
    (void)state;
    ScriptError err0;
    Rules *r = rules_load(".", &err0);
    assert_non_null(r);
    assert_non_null(rules_models(r)); /* scripts/rules/weights.txt is shipped */
    int failures = 0;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const Case *c = &CASES[i];
        MoveList ml;
        ScriptError err;
        Role role = *c->context ? ROLE_AGENT : ROLE_CUSTOMER;
        assert_int_equal(rules_score(r, c->context, c->reply, role, &ml, &err), 0);
        if (has(&ml, c->tag) != c->fires) {
            print_message("%s %s on \"%s\"\n", c->fires ? "missed" : "false", c->tag, c->reply);
            failures++;
        }
    }
    /* the learned models read these fresh examples; a few may be missed, most may not */
    size_t n = sizeof CASES / sizeof CASES[0];
    print_message("%d of %zu examples read differently\n", failures, n);
    assert_true(failures * 5 <= (int)n); /* at least four in five (docs/analyser.md) */
    rules_destroy(r);
}

static MoveList score(Rules *r, const char *ctx, const char *reply, Role role)
{
    MoveList ml;
    ScriptError err;
    if (rules_score(r, ctx, reply, role, &ml, &err) != 0)
        fail_msg("rules_score: %s", err.message);
    return ml;
}

static const Move *move(const MoveList *ml, const char *tag)
{
    for (int i = 0; i < ml->count; i++)
        if (strcmp(ml->items[i].tag, tag) == 0)
            return &ml->items[i];
    return NULL;
}

/* Models for reflection (the partner's words with "you") and counter-complaint ("toaster"),
 * the one weighing W_REFLECTION, the other W_TOASTER. */
static AnModels *reflection_and_toaster(double w_reflection, double w_toaster)
{
    const char *refl = "subj:you|e", *toaster = "w:toaster";
    AnModels *ms = an_models_create();
    assert_int_equal(an_models_add(ms, "couples", "reflection", -4.0, 0.5, &refl, &w_reflection, 1),
                     0);
    assert_int_equal(
        an_models_add(ms, "couples", "counter_complaint", -4.0, 0.5, &toaster, &w_toaster, 1), 0);
    return ms;
}

/* A reply that says it back and brings a toaster does it in two clauses: both moves are
 * named. One clause read both ways is read the surer way, so a reflection that mentions
 * something of the replier's is not cancelled by a toaster the same words made. */
static void test_rules_one_clause_is_not_both_reflection_and_toaster(void **state)
{
    (void)state;
    ScriptError err;
    Rules *r = rules_load(".", &err);
    assert_non_null(r);
    const char *ctx = "I'm worried about the bills.";
    const char *two = "You're worried about the bills. My toaster is broken too.";
    const char *one = "You're worried about the bills and the toaster.";

    rules_set_models(r, reflection_and_toaster(8.0, 6.0));
    MoveList ml = score(r, ctx, two, ROLE_AGENT);
    assert_true(has(&ml, "reflection"));
    assert_true(has(&ml, "counter_complaint"));
    ml = score(r, ctx, one, ROLE_AGENT);
    assert_true(has(&ml, "reflection"));
    assert_false(has(&ml, "counter_complaint"));

    rules_set_models(r, reflection_and_toaster(6.0, 8.0)); /* the toaster surer */
    ml = score(r, ctx, one, ROLE_AGENT);
    assert_false(has(&ml, "reflection"));
    assert_true(has(&ml, "counter_complaint"));
    rules_destroy(r);
}

/* Saved sessions replay by comparing moves in order, and Debian's Lua randomises string
 * hashing per state: two freshly loaded Rules must list the same moves in the same order,
 * the order of LABELS.md. */
static void test_rules_moves_come_in_a_fixed_order(void **state)
{
    (void)state;
    const char *ctx = "I'm worried about my dad's test results.";
    const char *reply = "Thank you for telling me. You're worried about the results. "
                        "Did I get that right?";
    ScriptError err;
    Rules *r1 = rules_load(".", &err), *r2 = rules_load(".", &err);
    assert_non_null(r1);
    assert_non_null(r2);
    rules_set_models(r1, hand_made());
    rules_set_models(r2, hand_made());
    MoveList a = score(r1, ctx, reply, ROLE_AGENT), b = score(r2, ctx, reply, ROLE_AGENT);
    assert_int_equal(a.count, 4);
    assert_int_equal(a.count, b.count);
    for (int i = 0; i < a.count; i++) {
        assert_string_equal(a.items[i].tag, b.items[i].tag);
        assert_string_equal(a.items[i].reason, b.items[i].reason);
    }
    assert_string_equal(a.items[0].tag, "reflection");
    assert_string_equal(a.items[1].tag, "feeling"); /* "worried", theirs */
    assert_string_equal(a.items[2].tag, "check");
    assert_string_equal(a.items[3].tag, "thanks");
    rules_destroy(r1);
    rules_destroy(r2);
}

/* Each reason quotes the clause that decided, names what it gave back, and ends with the
 * points. */
static void test_rules_reasons_quote_the_deciding_clause(void **state)
{
    Rules *r = *state;
    MoveList ml =
        score(r, "I feel like you don't support my business.",
              "You feel alone with the business. And honestly my toaster broke again.", ROLE_AGENT);
    const Move *refl = move(&ml, "reflection"), *cc = move(&ml, "counter_complaint");
    assert_non_null(refl);
    assert_non_null(cc); /* the hurting clause does not hide the reflecting one */
    assert_non_null(strstr(refl->reason, "'You feel alone with the business.'"));
    assert_non_null(strstr(refl->reason, "'business'"));
    assert_non_null(strstr(refl->reason, "→ reflection +3"));
    assert_non_null(strstr(cc->reason, "'And honestly my toaster broke again.' brings your own"));
    assert_non_null(strstr(cc->reason, "→ counter-complaint −4"));
    assert_int_equal(ml.total, 3 - 4 + 2); /* and the feeling named: "alone" */
    RulesDecision d[AN_MODEL_TAGS_MAX];
    int n = rules_decisions(r, d, AN_MODEL_TAGS_MAX), seen = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(d[i].tag, "counter_complaint") != 0)
            continue;
        seen = 1;
        assert_true(d[i].fires && d[i].p >= d[i].threshold);
        assert_memory_equal(d[i].clause, "And honestly my toaster", 23);
        assert_int_equal(d[i].nfeatures, 1);
        assert_string_equal(d[i].features[0], "w:toaster");
    }
    assert_true(seen);
}

static void test_rules_parroting_earns_less_than_reflection(void **state)
{
    Rules *r = *state;
    const char *ctx = "I'm sick of asking you to do the dishes every night.";
    MoveList own = score(r, ctx, "So you're done with chasing me about the dishes.", ROLE_AGENT);
    MoveList copy =
        score(r, ctx, "So you're sick of asking me to do the dishes every night.", ROLE_AGENT);
    assert_non_null(move(&own, "reflection"));
    assert_non_null(move(&copy, "reflection"));
    assert_int_equal(move(&own, "reflection")->points, 3);
    assert_int_equal(move(&copy, "reflection")->points, 1);
    assert_non_null(strstr(move(&copy, "reflection")->reason, "your own words"));
}

/* The question model says the reply asks; the form says which kind. A reflection voiced as
 * a question is question_closed too (LABELS.md). */
static void test_rules_questions_take_their_kind_from_the_form(void **state)
{
    Rules *r = *state;
    MoveList ml = score(r, "My bag never came.", "What happened at the carousel?", ROLE_AGENT);
    assert_non_null(move(&ml, "question_open"));
    assert_null(move(&ml, "question_closed"));
    ml = score(r, "My bag never came.", "Which one is missing?", ROLE_AGENT);
    assert_non_null(move(&ml, "question_closed"));
    ml =
        score(r, "I felt left out at the party.", "So you felt left out at the party?", ROLE_AGENT);
    assert_non_null(move(&ml, "reflection"));
    assert_non_null(move(&ml, "question_closed"));
    assert_non_null(strstr(move(&ml, "question_closed")->reason, "left out"));
    ml = score(r, "My bag never came.", "Did I get that right?", ROLE_AGENT);
    assert_non_null(move(&ml, "check"));
    assert_null(move(&ml, "question_closed")); /* the check is not asked twice */
}

static void test_rules_speaker_moves_for_the_customer(void **state)
{
    Rules *r = *state;
    MoveList ml = score(r, "", "I feel tired when the dishes pile up.", ROLE_CUSTOMER);
    assert_non_null(move(&ml, "soft_startup"));
    assert_null(move(&ml, "feeling")); /* a listener move, not the speaker's */
    ml = score(r, "", "You always leave the dishes.", ROLE_CUSTOMER);
    assert_non_null(move(&ml, "criticism"));
}

static void valid_reasons(const MoveList *ml)
{
    for (int i = 0; i < ml->count; i++) {
        const char *s = ml->items[i].reason;
        size_t n = strlen(s);
        assert_true(n < MOVE_REASON_MAX);
        assert_int_equal(utf8_validate(s, n), n);
    }
}

static void test_rules_never_fail_on_hostile_text(void **state)
{
    Rules *r = *state;
    MoveList ml;
    ScriptError err;
    const char *texts[] = {"", "?!?", "\xff\xfe\xc3\x28 calm down \xe2\x82",
                           "😀😀 🙄 poor you 😀", "k"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        assert_int_equal(rules_score(r, texts[i], texts[i], ROLE_AGENT, &ml, &err), 0);
        valid_reasons(&ml);
        assert_int_equal(rules_score(r, "", texts[i], ROLE_CUSTOMER, &ml, &err), 0);
        valid_reasons(&ml);
    }
    size_t n = 100 * 1024;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = "Calm down 😀 you always \xff "[i % 27];
    big[n] = '\0';
    assert_int_equal(rules_score(r, big, big, ROLE_AGENT, &ml, &err), 0);
    valid_reasons(&ml);
    assert_true(ml.count <= MOVES_MAX);
    assert_int_equal(rules_score(r, "I'm upset.", big, ROLE_AGENT, &ml, &err), 0);
    assert_non_null(move(&ml, "minimizing")); /* still read, past the length it reads */
    free(big);
}

static void test_rules_long_quotes_are_cut_on_a_character(void **state)
{
    Rules *r = *state;
    char reply[600] = "Calm down ";
    for (int i = 0; i < 60; i++)
        strcat(reply, "é😀 ");
    MoveList ml = score(r, "I'm upset.", reply, ROLE_AGENT);
    assert_non_null(move(&ml, "minimizing"));
    assert_non_null(strstr(move(&ml, "minimizing")->reason, "…'"));
    valid_reasons(&ml);
}

static void test_rules_overrides_change_points_and_add_rules(void **state)
{
    Rules *r = *state;
    ScriptError err;
    assert_int_equal(rules_set_points(r, "counter_complaint", -9), 0);
    MoveList ml = score(r, "My back hurts.", "Well, my toaster hurts too, all day.", ROLE_AGENT);
    assert_int_equal(move(&ml, "counter_complaint")->points, -9);
    assert_non_null(strstr(move(&ml, "counter_complaint")->reason, "−9"));
    const char *rule = "return function(f, moves, add)\n"
                       "  if f.reply:find('pineapple') then add('thanks', 'fruit') end\n"
                       "end\n";
    assert_int_equal(rules_add_rule(r, rule, "scenario_rule", &err), 0);
    ml = score(r, "x", "pineapple", ROLE_AGENT);
    assert_non_null(move(&ml, "thanks"));
    assert_int_not_equal(rules_add_rule(r, "return 3", "bad_rule", &err), 0);
    assert_non_null(strstr(err.message, "bad_rule"));
    rules_clear_overrides(r);
    ml = score(r, "x", "pineapple", ROLE_AGENT);
    assert_null(move(&ml, "thanks"));
    assert_int_equal(strlen(rules_hash(r)), 16);
}

/* Without models no learned move is named; the moves of the lexicon's closed sets stay. */
static void test_rules_without_models(void **state)
{
    Rules *r = *state;
    rules_set_models(r, NULL);
    MoveList ml = score(r, "We never have money.", "We're on the same side here.", ROLE_AGENT);
    assert_int_equal(ml.count, 1);
    assert_string_equal(ml.items[0].tag, "team");
    rules_set_models(r, hand_made());
}

/* reasoned_no and team: no labelled data has them, so they come from the lexicon's closed
 * sets; examples written for this test by LABELS.md, with near misses. */
static void test_rules_reasoned_no_and_team(void **state)
{
    Rules *r = *state;
    static const Case EXTRA[] = {
        {"reasoned_no", "Can we book the trip to Lisbon?",
         "I can't say yes to the trip yet, because the rent's due. If we find the money by "
         "Friday, I'm in.",
         1},
        {"reasoned_no", "I want a dog.",
         "Not yet, because we're never home. Once I change shifts, let's look at shelters.", 1},
        {"reasoned_no", "Can I have the car on Saturday?",
         "I can't, since I'm driving to Mum's, but how about Sunday instead?", 1},
        {"reasoned_no", "Can we get a new sofa?", "No. That's our policy.", 0},
        {"reasoned_no", "Can we get a new sofa?", "I can't, because money's tight.", 0},
        {"reasoned_no", "Can we get a new sofa?", "If we save up we could.", 0},
        {"team", "The bills are piling up again.", "We're on the same side here.", 1},
        {"team", "The bills are piling up again.",
         "Let's work it out together, how we make this work for both of us.", 1},
        {"team", "I hate how we fight about your mother.",
         "It's us against the problem, not you against me.", 1},
        {"team", "The bills are piling up again.", "We're fine, stop worrying.", 0},
        {"team", "The bills are piling up again.", "We always do this.", 0},
    };
    for (size_t i = 0; i < sizeof EXTRA / sizeof EXTRA[0]; i++) {
        MoveList ml;
        ScriptError err;
        assert_int_equal(rules_score(r, EXTRA[i].context, EXTRA[i].reply, ROLE_AGENT, &ml, &err),
                         0);
        if (has(&ml, EXTRA[i].tag) != EXTRA[i].fires)
            fail_msg("%s %s on \"%s\"", EXTRA[i].fires ? "missed" : "false", EXTRA[i].tag,
                     EXTRA[i].reply);
    }
}

static void test_rules_load_reports_missing_root(void **state)
{
    (void)state;
    ScriptError err;
    assert_null(rules_load("/nonexistent/heard", &err));
    assert_non_null(strstr(err.message, "/nonexistent/heard"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_shipped_models_read_fresh_examples),
        cmocka_unit_test(test_rules_moves_come_in_a_fixed_order),
        cmocka_unit_test(test_rules_reasons_quote_the_deciding_clause),
        cmocka_unit_test(test_rules_parroting_earns_less_than_reflection),
        cmocka_unit_test(test_rules_questions_take_their_kind_from_the_form),
        cmocka_unit_test(test_rules_speaker_moves_for_the_customer),
        cmocka_unit_test(test_rules_never_fail_on_hostile_text),
        cmocka_unit_test(test_rules_long_quotes_are_cut_on_a_character),
        cmocka_unit_test(test_rules_overrides_change_points_and_add_rules),
        cmocka_unit_test(test_rules_without_models),
        cmocka_unit_test(test_rules_one_clause_is_not_both_reflection_and_toaster),
        cmocka_unit_test(test_rules_reasoned_no_and_team),
        cmocka_unit_test(test_rules_load_reports_missing_root),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
