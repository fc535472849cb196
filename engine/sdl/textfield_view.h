/* textfield_view.h: draws a TextField (engine/core/textfield.h) wrapped inside a box, with
 * the selection, the IME composition underlined at the caret, a hint when empty, and
 * the field's message (length cap, repaired text) under it. */
#ifndef HEARD_TEXTFIELD_VIEW_H
#define HEARD_TEXTFIELD_VIEW_H

#include "engine/core/textfield.h"
#include "engine/sdl/widgets.h"

/* Draws TF in R (the box, text, selection and composition) and its message under R.
 * Returns the caret's rectangle, for the caret itself and for SDL_SetTextInputRect. The
 * view scrolls so the caret's line is always visible. */
Rect tfv_draw(const Ui *ui, const TextField *tf, Rect r, const char *empty_hint, int focused);

/* The byte offset in TF's text nearest to the point (X, Y) of a click, as tfv_draw laid the
 * field out in R (the same scrolling), for tf_set_caret. */
size_t tfv_hit(const Ui *ui, const TextField *tf, Rect r, int x, int y);

/* The height a box needs to show LINES lines of body text. */
int tfv_height_for_lines(const Ui *ui, int lines);

#endif
