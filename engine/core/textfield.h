/* textfield.h: the editing model of a one-line text field, without drawing. It holds
 * valid UTF-8 text capped at a number of bytes, the caret and selection (byte offsets on
 * code-point boundaries), the IME composition the view draws at the caret, and a status
 * message for the view to show. It consumes Events from the one input queue (events.h);
 * the SDL layer turns a paste into EV_TEXT events of up to 31 bytes, which the field joins
 * in amortised linear time. Plain C, libc only.
 *
 * Text arrives cleaned: ill-formed UTF-8 becomes U+FFFD and control characters are
 * dropped, with tabs and line breaks turned into spaces (see utf8_control_action).
 * Moves and deletions go one code point at a time, so a letter written as e + U+0301, or an
 * emoji family joined with U+200D, takes several Backspaces; word-wise moves treat such
 * sequences as one word.
 */
#ifndef HEARD_TEXTFIELD_H
#define HEARD_TEXTFIELD_H

#include <stddef.h>

#include "engine/core/events.h"

typedef struct TextField TextField;

/* What tf_handle_event did; the bits combine. */
enum {
    TF_CHANGED = 1, /* the text changed */
    TF_MOVED = 2,   /* caret, selection, composition or message changed: redraw */
    TF_SUBMIT = 4,  /* Return was pressed with no composition in progress */
    TF_COPY = 8,    /* Ctrl+C with a selection: put tf_clip_text on the clipboard */
    TF_CUT = 16     /* Ctrl+X: the same, and the selection was deleted (TF_CHANGED too) */
};

/* An empty field holding at most MAX_BYTES bytes of text (NUL not counted). Returns NULL
 * when out of memory or when MAX_BYTES is 0 or above SIZE_MAX / 4. Free with tf_destroy. */
TextField *tf_create(size_t max_bytes);
void tf_destroy(TextField *tf); /* NULL is a no-op */

/* Names what the field holds in the length message ("Names are limited to 47
 * characters"); "Replies" by default. NOUN is copied (up to 31 bytes). */
void tf_set_noun(TextField *tf, const char *noun);

/* Applies one event and returns TF_* bits (0 when the event meant nothing to the field):
 * EV_TEXT inserts at the caret, replacing the selection; EV_EDIT sets the composition
 * (empty text ends it; edit_start is its caret in code points); EV_KEY edits and moves:
 *   Left/Right        one code point; with Ctrl or Alt one word; Shift extends the
 *                     selection; without Shift a selection collapses to its start/end
 *   Home/End          start/end of the text (Shift extends)
 *   Backspace/Delete  the selection, else one code point; Ctrl or Alt: one word
 *   Ctrl+A, Ctrl+C, Ctrl+X   select all, copy, cut (Gui works as Ctrl for these)
 *   Return            TF_SUBMIT; the field does not change
 * While a composition is in progress every key belongs to the IME and is ignored.
 * Consecutive EV_TEXT events with no other event between them count as one insertion (one
 * paste): the message is cleared when a new insertion or another edit begins. A full field
 * keeps what fits and sets the message. Out of memory leaves the text as it was and sets
 * the message. */
int tf_handle_event(TextField *tf, const Event *e);

/* Inserts LEN bytes of TEXT at the caret as one insertion, replacing the selection, with
 * the same cleaning, cap and messages as EV_TEXT. Returns 0, or -1 when out of memory
 * (nothing changes). */
int tf_insert(TextField *tf, const char *text, size_t len);

/* Replaces the whole text with TEXT (NUL-terminated), cleaned and capped like an insertion;
 * the caret goes to the end, the selection and message are cleared (then set again if the
 * text was cut or repaired). The composition is left to the IME. Returns 0, or -1 when out
 * of memory (nothing changes). */
int tf_set_text(TextField *tf, const char *text);

/* Empties the text and the message; caret 0, no selection. The composition is kept. */
void tf_clear(TextField *tf);

/* Puts the caret at byte offset POS (clamped to the text, moved back to a code-point
 * boundary), for clicks. EXTEND keeps the selection anchor, as Shift+click does. */
void tf_set_caret(TextField *tf, size_t pos, int extend);

/* The text, NUL-terminated valid UTF-8 with no control characters. Borrowed: valid until
 * the field next changes. */
const char *tf_text(const TextField *tf);
size_t tf_length(const TextField *tf); /* bytes */
size_t tf_caret(const TextField *tf);  /* byte offset */
size_t tf_max_bytes(const TextField *tf);

/* Returns 1 when text is selected and sets *START < *END to its byte range; else returns 0
 * and sets both to the caret. START and END may be NULL. */
int tf_selection(const TextField *tf, size_t *start, size_t *end);

/* The text of the last TF_COPY or TF_CUT, NUL-terminated ("" before any). Borrowed: valid
 * until the next copy or cut. */
const char *tf_clip_text(const TextField *tf);

/* The IME composition ("" when none), cleaned like inserted text, and its caret as a byte
 * offset into it. Borrowed: valid until the next EV_EDIT or EV_TEXT. */
const char *tf_composition(const TextField *tf);
size_t tf_composition_caret(const TextField *tf);

/* A sentence for the view to show under the field, or "" when there is none. Borrowed:
 * valid until the field next handles an event or changes. */
const char *tf_message(const TextField *tf);

#endif
