/* textfield.c: the text field's editing model. The text is one contiguous buffer that grows
 * by doubling up to the cap, so a paste arriving as thousands of small EV_TEXT events costs
 * time linear in its size when the caret is at the end, and at worst the bytes after the
 * caret per event; once a paste hits the cap the rest of it costs O(1) per event. Every
 * insertion is cleaned as it is copied in (utf8.h), so the buffer never holds ill-formed
 * UTF-8 or control characters. Depends on utf8 and events; libc only.
 */
#include "engine/core/textfield.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/utf8.h"

/* A composition is one event's text; cleaning can triple it (bad bytes become U+FFFD). */
#define COMP_MAX (EVENT_TEXT_MAX * 3 + 1)
#define MESSAGE_MAX 256
#define INITIAL_CAP 64

/* What happened during the current insertion (one paste, one typed character). */
enum { RUN_CUT = 1, RUN_REPAIRED = 2, RUN_NO_MEMORY = 4 };

struct TextField {
    char *text; /* len bytes of valid UTF-8 and a NUL; cap bytes allocated */
    size_t len, cap, max;
    size_t caret, anchor; /* the selection lies between them; none when equal */
    char comp[COMP_MAX];
    size_t comp_len, comp_caret;
    char *clip; /* last copied or cut text, clip_cap bytes allocated */
    size_t clip_cap;
    char message[MESSAGE_MAX];
    char noun[32];    /* what the field holds, for the length message: "Replies", "Names" */
    unsigned version; /* bumped when the text changes */
    unsigned look;    /* bumped when the composition or the message changes */
    /* The insertion in progress: consecutive EV_TEXT events form one. */
    int in_run;
    unsigned run_flags;
    size_t run_inserted; /* bytes it has stored so far */
    uint32_t run_prev;   /* its last input code point, so a CR LF split between events is
                            still one space */
};

/* ---- cleaning ------------------------------------------------------------------------ */

/* Cleans LEN bytes of IN as insertion does (U+FFFD for ill-formed subparts, controls per
 * utf8_control_action) and writes the result to OUT, or only measures it when OUT is NULL.
 * Stops before the first code point that does not fit in AVAIL bytes, so the output is
 * always whole code points and a prefix of the cleaned input. *PREV carries the last input
 * code point between calls; RUN_* bits are added to *FLAGS. Returns the bytes of output. */
static size_t clean(const char *in, size_t len, char *out, size_t avail, uint32_t *prev,
                    unsigned *flags)
{
    size_t i = 0, o = 0;
    while (i < len) {
        uint32_t cp;
        size_t n;
        int err = utf8_decode(in + i, len - i, &cp, &n);
        char buf[4];
        const char *src = in + i;
        size_t m = n;
        if (err < 0) {
            m = utf8_encode(UTF8_REPLACEMENT, buf);
            src = buf;
        } else {
            Utf8ControlAction act = utf8_control_action(cp, *prev);
            if (act == UTF8_TO_SPACE) {
                buf[0] = ' ';
                src = buf;
                m = 1;
            } else if (act == UTF8_DROP) {
                m = 0;
            }
        }
        if (m > avail - o) {
            *flags |= RUN_CUT;
            break;
        }
        if (err < 0)
            *flags |= RUN_REPAIRED;
        if (out)
            memcpy(out + o, src, m);
        o += m;
        *prev = cp;
        i += n;
    }
    return o;
}

/* ---- buffer -------------------------------------------------------------------------- */

/* Makes room for NEED bytes of text and a NUL, doubling so that appends are amortised
 * O(1). Returns 0, or -1 when out of memory (the buffer is unchanged). */
static int reserve(TextField *tf, size_t need)
{
    if (need + 1 <= tf->cap)
        return 0;
    size_t cap = tf->cap;
    while (cap < need + 1)
        cap *= 2;
    if (cap > tf->max + 1)
        cap = tf->max + 1;
    char *text = realloc(tf->text, cap);
    if (!text)
        return -1;
    tf->text = text;
    tf->cap = cap;
    return 0;
}

static void delete_range(TextField *tf, size_t a, size_t b)
{
    if (a >= b)
        return;
    memmove(tf->text + a, tf->text + b, tf->len - b + 1);
    tf->len -= b - a;
    tf->caret = tf->anchor = a;
    tf->version++;
}

static void selection_bounds(const TextField *tf, size_t *a, size_t *b)
{
    *a = tf->caret < tf->anchor ? tf->caret : tf->anchor;
    *b = tf->caret < tf->anchor ? tf->anchor : tf->caret;
}

/* ---- messages ------------------------------------------------------------------------ */

/* Appends S to the NUL-terminated BUF of SIZE bytes, cutting it if it does not fit (our
 * messages are written to fit MESSAGE_MAX). */
static void append(char *buf, size_t size, const char *s)
{
    size_t n = strlen(buf), m = strlen(s);
    if (m > size - 1 - n)
        m = size - 1 - n;
    memcpy(buf + n, s, m);
    buf[n + m] = '\0';
}

static void set_message(TextField *tf, const char *msg)
{
    if (strcmp(tf->message, msg) == 0)
        return;
    tf->message[0] = '\0';
    append(tf->message, sizeof tf->message, msg);
    tf->look++;
}

/* Writes N with thousands separators ("2,000") to OUT (at least 32 bytes). */
static void group_digits(size_t n, char *out)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", n);
    int o = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

/* The sentence about the length cap, appended to MSG. The cap counts bytes; when the text
 * is all ASCII that is the number of characters, otherwise the message says both. */
static void describe_cut(const TextField *tf, char *msg, size_t size)
{
    char max[32], chars[32];
    size_t count = utf8_count(tf->text, tf->len);
    group_digits(tf->max, max);
    group_digits(count, chars);
    append(msg, size, tf->noun);
    append(msg, size, " are limited to ");
    append(msg, size, max);
    if (count == tf->len) {
        append(msg, size, " characters");
    } else {
        append(msg, size, " bytes of text (");
        append(msg, size, chars);
        append(msg, size, " characters here)");
    }
    append(msg, size,
           tf->run_inserted ? " — this paste was cut at the limit" : " — this one is full");
}

/* Sets the message from what the current insertion ran into. */
static void describe_run(TextField *tf)
{
    char msg[MESSAGE_MAX] = "";
    if (tf->run_flags & RUN_NO_MEMORY) {
        set_message(tf, "There was not enough memory to insert this text, so it was left out");
        return;
    }
    if (tf->run_flags & RUN_CUT)
        describe_cut(tf, msg, sizeof msg);
    if ((tf->run_flags & RUN_CUT) && (tf->run_flags & RUN_REPAIRED))
        append(msg, sizeof msg, ". ");
    if (tf->run_flags & RUN_REPAIRED)
        append(msg, sizeof msg, "Some pasted bytes were not valid text and were replaced");
    set_message(tf, msg);
}

/* Every edit starts here: the previous message has been read, and no insertion is open. */
static void begin_edit(TextField *tf)
{
    set_message(tf, "");
    tf->in_run = 0;
    tf->run_flags = 0;
    tf->run_inserted = 0;
    tf->run_prev = 0;
}

/* ---- insertion ----------------------------------------------------------------------- */

/* Inserts LEN bytes of IN at the caret, replacing the selection, as part of the current
 * insertion, and updates the message. Once an insertion has been cut, the rest of it is
 * dropped, so the stored text is always a prefix of what was pasted. Returns 0, or -1 when
 * out of memory (the text is unchanged). */
static int insert(TextField *tf, const char *in, size_t len)
{
    unsigned before = tf->run_flags;
    if (tf->run_flags & RUN_CUT)
        return 0;
    size_t a, b;
    selection_bounds(tf, &a, &b);
    size_t kept = tf->len - (b - a);
    uint32_t prev = tf->run_prev;
    unsigned flags = 0;
    size_t n = clean(in, len, NULL, tf->max - kept, &prev, &flags);
    if (n > 0) {
        if (reserve(tf, kept + n) < 0) {
            tf->run_flags |= RUN_NO_MEMORY | RUN_CUT; /* drop the rest: no holes */
            describe_run(tf);
            return -1;
        }
        delete_range(tf, a, b);
        memmove(tf->text + a + n, tf->text + a, tf->len - a + 1);
        uint32_t again = tf->run_prev;
        unsigned ignored = 0;
        clean(in, len, tf->text + a, n, &again, &ignored);
        tf->len += n;
        tf->caret = tf->anchor = a + n;
        tf->version++;
    }
    tf->run_prev = prev;
    tf->run_flags |= flags;
    tf->run_inserted += n;
    if (tf->run_flags != before)
        describe_run(tf);
    return 0;
}

int tf_insert(TextField *tf, const char *text, size_t len)
{
    begin_edit(tf);
    int rc = insert(tf, text, len);
    tf->in_run = 0;
    return rc;
}

int tf_set_text(TextField *tf, const char *text)
{
    size_t len = strlen(text);
    uint32_t prev = 0;
    unsigned flags = 0;
    size_t n = clean(text, len, NULL, tf->max, &prev, &flags);
    if (reserve(tf, n) < 0)
        return -1;
    begin_edit(tf);
    prev = 0;
    clean(text, len, tf->text, n, &prev, &flags);
    tf->text[n] = '\0';
    tf->len = n;
    tf->caret = tf->anchor = n;
    tf->version++;
    tf->run_flags = flags;
    tf->run_inserted = n;
    if (flags)
        describe_run(tf);
    return 0;
}

void tf_clear(TextField *tf)
{
    begin_edit(tf);
    delete_range(tf, 0, tf->len);
}

/* ---- moves --------------------------------------------------------------------------- */

static uint32_t cp_at(const TextField *tf, size_t pos)
{
    uint32_t cp;
    utf8_decode(tf->text + pos, tf->len - pos, &cp, NULL);
    return cp;
}

/* Whether the code point at POS is part of a word. An apostrophe between two word
 * characters is, so "don't" is one word. */
static int word_at(const TextField *tf, size_t pos)
{
    uint32_t cp = cp_at(tf, pos);
    if (cp != '\'' && cp != 0x2019)
        return utf8_is_word(cp);
    size_t next = utf8_next(tf->text, tf->len, pos);
    if (pos == 0 || next >= tf->len)
        return 0;
    return utf8_is_word(cp_at(tf, utf8_prev(tf->text, pos))) && utf8_is_word(cp_at(tf, next));
}

/* The start of the word before POS: back over non-word characters, then over the word. */
static size_t word_left(const TextField *tf, size_t pos)
{
    while (pos > 0 && !word_at(tf, utf8_prev(tf->text, pos)))
        pos = utf8_prev(tf->text, pos);
    while (pos > 0 && word_at(tf, utf8_prev(tf->text, pos)))
        pos = utf8_prev(tf->text, pos);
    return pos;
}

/* The end of the word after POS: over non-word characters, then over the word. */
static size_t word_right(const TextField *tf, size_t pos)
{
    while (pos < tf->len && !word_at(tf, pos))
        pos = utf8_next(tf->text, tf->len, pos);
    while (pos < tf->len && word_at(tf, pos))
        pos = utf8_next(tf->text, tf->len, pos);
    return pos;
}

static void move_to(TextField *tf, size_t pos, int extend)
{
    tf->caret = pos;
    if (!extend)
        tf->anchor = pos;
}

void tf_set_caret(TextField *tf, size_t pos, int extend)
{
    if (pos > tf->len)
        pos = tf->len;
    while (pos > 0 && pos < tf->len && ((unsigned char)tf->text[pos] & 0xC0) == 0x80)
        pos--;
    move_to(tf, pos, extend);
}

/* Left (DIR < 0) or right: a selection collapses to its side unless Shift extends it. */
static void move_horizontal(TextField *tf, int dir, int by_word, int extend)
{
    size_t a, b, to;
    selection_bounds(tf, &a, &b);
    if (a < b && !extend && !by_word)
        to = dir < 0 ? a : b;
    else if (by_word)
        to = dir < 0 ? word_left(tf, tf->caret) : word_right(tf, tf->caret);
    else
        to = dir < 0 ? utf8_prev(tf->text, tf->caret) : utf8_next(tf->text, tf->len, tf->caret);
    move_to(tf, to, extend);
}

/* Backspace (DIR < 0) or Delete: the selection, else a code point or a word. */
static void delete_key(TextField *tf, int dir, int by_word)
{
    size_t a, b;
    begin_edit(tf);
    selection_bounds(tf, &a, &b);
    if (a == b && dir < 0)
        a = by_word ? word_left(tf, b) : utf8_prev(tf->text, b);
    else if (a == b)
        b = by_word ? word_right(tf, a) : utf8_next(tf->text, tf->len, a);
    delete_range(tf, a, b);
}

/* ---- clipboard ----------------------------------------------------------------------- */

/* Copies the selection to the clip buffer. Returns TF_COPY, or 0 when nothing is selected
 * or memory ran out (then the message says so). */
static int copy_selection(TextField *tf)
{
    size_t a, b;
    selection_bounds(tf, &a, &b);
    if (a == b)
        return 0;
    if (b - a + 1 > tf->clip_cap) {
        char *clip = realloc(tf->clip, b - a + 1);
        if (!clip) {
            set_message(tf, "There was not enough memory to copy this text");
            return 0;
        }
        tf->clip = clip;
        tf->clip_cap = b - a + 1;
    }
    memcpy(tf->clip, tf->text + a, b - a);
    tf->clip[b - a] = '\0';
    return TF_COPY;
}

static int cut_selection(TextField *tf)
{
    if (!copy_selection(tf))
        return 0;
    size_t a, b;
    selection_bounds(tf, &a, &b);
    begin_edit(tf);
    delete_range(tf, a, b);
    return TF_CUT;
}

/* ---- events -------------------------------------------------------------------------- */

static int on_key(TextField *tf, const Event *e)
{
    if (tf->comp_len > 0)
        return 0; /* the IME is composing; its keys are not edits */
    int shift = (e->mods & MOD_SHIFT) != 0;
    int by_word = (e->mods & (MOD_CTRL | MOD_ALT)) != 0;
    switch (e->key) {
    case KEY_LEFT:
    case KEY_RIGHT:
        move_horizontal(tf, e->key == KEY_LEFT ? -1 : 1, by_word, shift);
        return 0;
    case KEY_HOME:
    case KEY_END:
        move_to(tf, e->key == KEY_HOME ? 0 : tf->len, shift);
        return 0;
    case KEY_BACKSPACE:
    case KEY_DELETE:
        delete_key(tf, e->key == KEY_BACKSPACE ? -1 : 1, by_word);
        return 0;
    case KEY_RETURN:
        return TF_SUBMIT;
    default:
        break;
    }
    /* Ctrl+Alt is AltGr on some keyboards: typing, not a shortcut. */
    if (!(e->mods & (MOD_CTRL | MOD_GUI)) || (e->mods & MOD_ALT))
        return 0;
    if (e->key == 'a') {
        tf->anchor = 0;
        tf->caret = tf->len;
    } else if (e->key == 'c') {
        return copy_selection(tf);
    } else if (e->key == 'x') {
        return cut_selection(tf);
    }
    return 0;
}

static size_t event_text_length(const Event *e)
{
    const char *nul = memchr(e->text, '\0', sizeof e->text);
    return nul ? (size_t)(nul - e->text) : sizeof e->text;
}

static void set_composition(TextField *tf, const char *text, size_t len, int caret_cp)
{
    char comp[COMP_MAX];
    uint32_t prev = 0;
    unsigned flags = 0;
    size_t n = clean(text, len, comp, sizeof comp - 1, &prev, &flags);
    comp[n] = '\0';
    size_t caret = 0;
    for (int i = 0; i < caret_cp && caret < n; i++)
        caret = utf8_next(comp, n, caret);
    if (n != tf->comp_len || caret != tf->comp_caret || memcmp(comp, tf->comp, n) != 0)
        tf->look++;
    memcpy(tf->comp, comp, n + 1);
    tf->comp_len = n;
    tf->comp_caret = caret;
}

int tf_handle_event(TextField *tf, const Event *e)
{
    unsigned version = tf->version, look = tf->look;
    size_t caret = tf->caret, anchor = tf->anchor;
    int was_in_run = tf->in_run;
    int bits = 0;
    tf->in_run = 0;
    switch (e->kind) {
    case EV_TEXT:
        if (!was_in_run)
            begin_edit(tf);
        set_composition(tf, "", 0, 0); /* committed text replaces the composition */
        insert(tf, e->text, event_text_length(e));
        tf->in_run = 1;
        break;
    case EV_EDIT:
        set_composition(tf, e->text, event_text_length(e), e->edit_start);
        break;
    case EV_KEY:
        bits = on_key(tf, e);
        break;
    default:
        break;
    }
    if (tf->version != version)
        bits |= TF_CHANGED;
    if (tf->look != look || tf->caret != caret || tf->anchor != anchor)
        bits |= TF_MOVED;
    return bits;
}

/* ---- lifetime and accessors ---------------------------------------------------------- */

TextField *tf_create(size_t max_bytes)
{
    if (max_bytes == 0 || max_bytes > SIZE_MAX / 4)
        return NULL;
    TextField *tf = calloc(1, sizeof *tf);
    if (!tf)
        return NULL;
    tf->max = max_bytes;
    tf->cap = max_bytes + 1 < INITIAL_CAP ? max_bytes + 1 : INITIAL_CAP;
    tf->text = malloc(tf->cap);
    if (!tf->text) {
        free(tf);
        return NULL;
    }
    tf->text[0] = '\0';
    snprintf(tf->noun, sizeof tf->noun, "Replies");
    return tf;
}

void tf_set_noun(TextField *tf, const char *noun)
{
    snprintf(tf->noun, sizeof tf->noun, "%s", noun);
}

void tf_destroy(TextField *tf)
{
    if (!tf)
        return;
    free(tf->text);
    free(tf->clip);
    free(tf);
}

const char *tf_text(const TextField *tf)
{
    return tf->text;
}
size_t tf_length(const TextField *tf)
{
    return tf->len;
}
size_t tf_caret(const TextField *tf)
{
    return tf->caret;
}
size_t tf_max_bytes(const TextField *tf)
{
    return tf->max;
}
const char *tf_clip_text(const TextField *tf)
{
    return tf->clip ? tf->clip : "";
}
const char *tf_composition(const TextField *tf)
{
    return tf->comp;
}
size_t tf_composition_caret(const TextField *tf)
{
    return tf->comp_caret;
}
const char *tf_message(const TextField *tf)
{
    return tf->message;
}

int tf_selection(const TextField *tf, size_t *start, size_t *end)
{
    size_t a, b;
    selection_bounds(tf, &a, &b);
    if (start)
        *start = a;
    if (end)
        *end = b;
    return a < b;
}
