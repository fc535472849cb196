/* widgets.h: the few drawing pieces every screen uses — panels, buttons with visible key
 * hints, a caret, a scrollbar — in the colours of a Theme. Helpful and hurtful things
 * differ by icon and wording as well as colour, so nothing depends on colour alone. */
#ifndef HEARD_WIDGETS_H
#define HEARD_WIDGETS_H

#include "engine/sdl/text.h"

struct SDL_Renderer;

typedef struct Theme {
    Color bg, panel, panel_alt, text, muted, accent, accent_text, good, bad, focus, border;
    Color hint; /* the words in an empty text field: plainly not typed text, in any theme */
    int high_contrast;
} Theme;

/* The everyday theme and the high-contrast one (F2). */
Theme theme_normal(void);
Theme theme_high_contrast(void);

typedef struct Ui {
    struct SDL_Renderer *r;
    Text *text;
    Theme theme;
    int unit; /* one spacing step in pixels, from the text scale */
} Ui;

void ui_fill(const Ui *ui, Rect rect, Color c);
void ui_outline(const Ui *ui, Rect rect, Color c, int thickness);

/* A button: LABEL with KEY ("Enter", "Esc", "1") in a hint box. FOCUSED draws the focus
 * ring. Returns the button's rect (for clicks). */
Rect ui_button(const Ui *ui, int x, int y, const char *key, const char *label, int focused);

/* The width ui_button would take. */
int ui_button_width(const Ui *ui, const char *key, const char *label);

/* A line of key hints along the bottom of R: pairs of key and action; when they do not fit
 * in R's width, they wrap onto more lines, read left to right and then down, the last line
 * at R's bottom. */
void ui_hints(const Ui *ui, Rect r, const char *const *pairs, int npairs);

/* The height ui_hints takes for the pairs in WIDTH pixels: one line, or more. */
int ui_hints_height(const Ui *ui, int width, const char *const *pairs, int npairs);

/* Draws TEXT wrapped to W pixels from (X, Y) in SIZE (BOLD) and C, but only the lines that
 * lie wholly between TOP and BOTTOM: a view that scrolls shows no line cut in half at its
 * edges. Returns the height all the lines take, drawn or not. */
int ui_draw_whole_lines(const Ui *ui, FontSize size, int bold, const char *text, int x, int y,
                        int w, int top, int bottom, Color c);

/* Writes TEXT into OUT (N bytes), cut at a character with "…" so that it fits WIDTH pixels
 * on one line in SIZE (BOLD). Returns OUT. */
const char *ui_ellipsize(const Ui *ui, FontSize size, int bold, const char *text, int width,
                         char *out, size_t n);

/* Whether TEXT takes at most MAX_LINES lines of WIDTH pixels in SIZE (BOLD) without breaking
 * a word. */
int ui_text_fits(const Ui *ui, const char *text, int width, int max_lines, FontSize size, int bold);

/* Draws TEXT in R's width in the largest of SIZES (N of them, largest first) in which it
 * takes at most MAX_LINES lines without breaking a word; when none does, in the last size,
 * cut with "…" to MAX_LINES lines. Returns the height drawn. DRAW 0 only measures. */
int ui_text_fit(const Ui *ui, const char *text, Rect r, int max_lines, const FontSize *sizes, int n,
                int bold, Color c, int draw);

/* Clips drawing to R until ui_unclip; text and fills outside R are cut. ui_clip_scroll is
 * the same for a view that scrolls, where lines cut at its top or bottom edge are expected
 * (the text layer's recording marks them so). */
void ui_clip(const Ui *ui, Rect r);
void ui_clip_scroll(const Ui *ui, Rect r);
void ui_unclip(const Ui *ui);

/* Does (X, Y) fall inside R? */
int ui_inside(Rect r, int x, int y);

#endif
