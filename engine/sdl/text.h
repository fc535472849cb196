/* text.h: fonts, UTF-8 text drawing, word wrapping, and a cache of rendered text.
 *
 * Text is drawn with SDL2_ttf from the font shipped in assets/fonts/. Rendered lines are
 * kept as textures keyed by (size, weight, colour, text), and wrap results by (size,
 * weight, width, text), so unchanged text is not rendered or measured again each frame.
 * Sizes are logical; the scale (HiDPI ratio times the player's Ctrl+= / Ctrl+- zoom)
 * turns them into pixels.
 */
#ifndef HEARD_TEXT_H
#define HEARD_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct SDL_Renderer;

typedef struct Text Text;

typedef struct Color {
    uint8_t r, g, b, a;
} Color;

typedef struct Rect {
    int x, y, w, h;
} Rect;

typedef enum FontSize { FS_SMALL, FS_BODY, FS_LARGE, FS_TITLE, FS_HUGE, FS_COUNT } FontSize;

/* One wrapped line: bytes [start, start + len) of the source text. */
typedef struct WrapLine {
    size_t start, len;
} WrapLine;

/* Opens the regular and bold fonts (BOLD_PATH may be NULL: regular is used). Returns NULL
 * with ERR filled ("could not open the font PATH: reason") when the font cannot be read. */
Text *txt_create(struct SDL_Renderer *r, const char *font_path, const char *bold_path, char *err,
                 size_t errlen);

/* Frees the fonts and every cached texture. NULL is a no-op. */
void txt_destroy(Text *t);

/* Sets the scale from logical sizes to pixels and reopens the fonts at the new sizes when
 * it changed. Returns 0, or -1 (the old scale stays) if the fonts cannot be reopened. */
int txt_set_scale(Text *t, float scale);
float txt_scale(const Text *t);

/* How many characters of S no font draws (they would show as empty boxes): 0 when the
 * game's font and the fallbacks cover every one. */
int txt_missing(Text *t, FontSize size, const char *s);

/* The height of one line in pixels. */
int txt_line_height(Text *t, FontSize size);

/* Width in pixels of S drawn on one line. */
int txt_width(Text *t, FontSize size, int bold, const char *s);

/* Draws S on one line with its top-left at (X, Y). Returns the width drawn. */
int txt_draw(Text *t, FontSize size, int bold, const char *s, int x, int y, Color c);

/* Wraps S to WIDTH pixels: breaks at spaces, and inside a word only when the word alone is
 * wider than WIDTH (on a code-point boundary); '\n' starts a new line. Returns the number of
 * lines and points *LINES at an array owned by the cache, valid until the next txt_* call. */
int txt_wrap(Text *t, FontSize size, int bold, const char *s, int width, const WrapLine **lines);

/* Draws S wrapped into R (lines below R's bottom are not drawn). Returns the height in
 * pixels the whole text takes, drawn or not. */
int txt_draw_wrapped(Text *t, FontSize size, int bold, const char *s, Rect r, Color c);

/* Call once per frame after drawing: frees textures unused for a while. */
void txt_end_frame(Text *t);

/* Counts, for tests and benchmarks: textures rendered and cache hits since creation. */
void txt_stats(const Text *t, unsigned long *rendered, unsigned long *hits);

/* Texts wrapped since creation (a text found in the wrap cache is not counted): a long
 * text drawn frame after frame at one width is wrapped once. */
unsigned long txt_wraps(const Text *t);

/* ---- Recording what is drawn (a test mode) --------------------------------------------
 * While recording, each line drawn is logged with its rectangle and its box (text_runs.h):
 * the box of txt_draw_wrapped, else the clip rect, else the whole output. Lines of wrapped
 * text that fall below their box are logged as dropped. txt_end_frame ends a frame. */

typedef struct TextRuns TextRuns;

/* Starts (ON = 1) or stops (0) recording. Returns 0, or -1 when out of memory. */
int txt_record(Text *t, int on);

/* The log, borrowed; NULL when not recording. */
const TextRuns *txt_runs(const Text *t);

/* Whether the clip rect now set is a view that scrolls, where lines cut at its top or bottom
 * edge are expected (ui_clip_scroll sets it, ui_clip and ui_unclip clear it). */
void txt_set_scrolling(Text *t, int scrolling);

#endif
