/* moves.c: the table of move tags and what is done with it: ordering a reply's moves and
 * writing the points at the end of their reasons.
 *
 * Depends on: engine/core/utf8, libc. */
#include "game/turn/moves.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "engine/core/utf8.h"

#define ARROW " \xE2\x86\x92 "  /* " → " */
#define MINUS "\xE2\x88\x92"    /* "−" */
#define ELLIPSIS "\xE2\x80\xA6" /* "…" */

/* The tags of LABELS.md in its order (the listener's helping moves, the hurting moves, the
 * speaker's), then those of the partner's word; beside each, the words players read for it
 * and its group. The one table: screens, the export and the reasons read their names here.
 * X(tag, words, group) */
#define MOVE_TABLE(X)                                                                              \
    X("reflection", "said it back", MOVE_LISTENING)                                                \
    X("feeling", "named the feeling", MOVE_LISTENING)                                              \
    X("check", "asked “did I get it?”", MOVE_LISTENING)                                            \
    X("question_open", "asked to hear more", MOVE_LISTENING)                                       \
    X("question_closed", "asked a yes-or-no question", MOVE_LISTENING)                             \
    X("validation", "said it makes sense", MOVE_LISTENING)                                         \
    X("thanks", "thanked them for raising it", MOVE_LISTENING)                                     \
    X("apology", "said sorry", MOVE_LISTENING)                                                     \
    X("ownership", "owned their part", MOVE_LISTENING)                                             \
    X("next_step", "offered a next step", MOVE_LISTENING)                                          \
    X("reasoned_no", "a no with a reason", MOVE_LISTENING)                                         \
    X("team", "on the same side", MOVE_LISTENING)                                                  \
    X("counter_complaint", "toaster — your own complaint", MOVE_HURTING)                           \
    X("defensive", "defended — “yes, but”", MOVE_HURTING)                                          \
    X("criticism", "criticised — “you always”", MOVE_HURTING)                                      \
    X("contempt", "contempt — mocked or sneered", MOVE_HURTING)                                    \
    X("minimizing", "played it down", MOVE_HURTING)                                                \
    X("fix_it", "fixed it before listening", MOVE_HURTING)                                         \
    X("overpromise", "promised too much", MOVE_HURTING)                                            \
    X("stonewalling", "shut the talk down", MOVE_HURTING)                                          \
    X("soft_startup", "started softly", MOVE_SPEAKING)                                             \
    X("request", "asked for one doable thing", MOVE_SPEAKING)                                      \
    X(MOVE_FELT_HEARD, "felt heard", MOVE_SCORING)                                                 \
    X(MOVE_HEARD_PARTLY, "partly heard — half counts", MOVE_SCORING)                               \
    X(MOVE_NOT_HEARD_YET, "not heard yet — try again", MOVE_SCORING)                               \
    X(MOVE_TOASTER_CANCELS, "cancelled by the toaster", MOVE_SCORING)                              \
    X(MOVE_REPAIR, "repair — made up for a slip", MOVE_SCORING)

#define TAG_OF(tag, words, group) tag,
#define WORDS_OF(tag, words, group) {words, group},

static const char *const move_tags[] = {MOVE_TABLE(TAG_OF)};

static const struct {
    const char *words;
    MoveGroup group;
} move_words[] = {MOVE_TABLE(WORDS_OF)};

#define MOVE_TAG_COUNT (sizeof move_tags / sizeof move_tags[0])

const char *const *moves_tags(size_t *count)
{
    *count = MOVE_TAG_COUNT;
    return move_tags;
}

int moves_tag_rank(const char *tag)
{
    size_t i = 0;
    while (i < MOVE_TAG_COUNT && strcmp(move_tags[i], tag) != 0)
        i++;
    return (int)i;
}

const char *moves_name(const char *tag)
{
    int i = moves_tag_rank(tag);
    return i < (int)MOVE_TAG_COUNT ? move_words[i].words : tag;
}

MoveGroup moves_group(const char *tag)
{
    int i = moves_tag_rank(tag);
    return i < (int)MOVE_TAG_COUNT ? move_words[i].group : MOVE_UNKNOWN;
}

int moves_points_settable(const char *tag)
{
    return moves_is_tag(tag) && strcmp(tag, MOVE_HEARD_PARTLY) != 0 &&
           strcmp(tag, MOVE_NOT_HEARD_YET) != 0 && strcmp(tag, MOVE_TOASTER_CANCELS) != 0;
}

int moves_is_tag(const char *tag)
{
    return moves_tag_rank(tag) < (int)MOVE_TAG_COUNT;
}

void moves_sort(MoveList *ml)
{
    /* insertion sort: at most MOVES_MAX moves, and stable */
    for (int i = 1; i < ml->count; i++) {
        Move m = ml->items[i];
        int rank = moves_tag_rank(m.tag), j = i;
        for (; j > 0 && moves_tag_rank(ml->items[j - 1].tag) > rank; j--)
            ml->items[j] = ml->items[j - 1];
        ml->items[j] = m;
    }
}

void moves_sum(MoveList *ml)
{
    long long total = 0; /* MOVES_MAX ints cannot pass a 64-bit sum */
    for (int i = 0; i < ml->count; i++)
        total += ml->items[i].points;
    ml->total = total > INT_MAX ? INT_MAX : total < INT_MIN ? INT_MIN : (int)total;
}

char *moves_reason_ending(const char *tag, int points, char *buf, size_t size)
{
    const char *name = moves_name(tag);
    if (points < 0)
        snprintf(buf, size, ARROW "%s " MINUS "%d", name, -points);
    else
        snprintf(buf, size, ARROW "%s %s%d", name, points > 0 ? "+" : "", points);
    return buf;
}

/* The start of the last " → " in S, or S's end when it has none. */
static size_t ending_at(const char *s)
{
    size_t n = strlen(s), at = n;
    for (const char *p = strstr(s, ARROW); p; p = strstr(p + 1, ARROW))
        at = (size_t)(p - s);
    return at;
}

/* Makes the NUL-terminated text in BUF (CAP bytes) valid UTF-8 with no control
 * characters, as every text the game shows and saves must be: the rules build reasons from
 * a player's words cut anywhere. Bad bytes become U+FFFD, cut at a character boundary to
 * fit. */
static void make_clean(char *buf, size_t cap)
{
    size_t n = strnlen(buf, cap - 1);
    buf[n] = '\0';
    n = utf8_strip_controls(buf, n);
    if (utf8_validate(buf, n) == n)
        return;
    char fixed[UTF8_REPAIR_BOUND(MOVE_REASON_MAX)];
    size_t m = utf8_repair(buf, n < MOVE_REASON_MAX ? n : MOVE_REASON_MAX, fixed, NULL);
    m = utf8_floor(fixed, m, m < cap - 1 ? m : cap - 1);
    memcpy(buf, fixed, m);
    buf[m] = '\0';
}

static void restate(Move *m)
{
    if (m->points > MOVES_POINTS_MAX || m->points < -MOVES_POINTS_MAX)
        m->points = m->points > 0 ? MOVES_POINTS_MAX : -MOVES_POINTS_MAX;
    make_clean(m->tag, sizeof m->tag);
    make_clean(m->reason, sizeof m->reason);
    char ending[96];
    moves_reason_ending(m->tag, m->points, ending, sizeof ending);
    size_t words = ending_at(m->reason), room = MOVE_REASON_MAX - 1 - strlen(ending);
    const char *more = "";
    if (words > room) {
        words = utf8_floor(m->reason, words, room - (sizeof ELLIPSIS - 1));
        more = ELLIPSIS;
    }
    char out[MOVE_REASON_MAX];
    snprintf(out, sizeof out, "%.*s%s%s", (int)words, m->reason, more, ending);
    memcpy(m->reason, out, sizeof out);
}

void moves_restate(MoveList *ml)
{
    for (int i = 0; i < ml->count; i++)
        restate(&ml->items[i]);
    moves_sum(ml);
}
