/* screen_text.h: what a screenshot shows in words. `heard --text-runs` writes, beside each
 * screenshot FILE, FILE.runs: every line of text drawn in that frame with its rectangle and
 * the box it had to stay in (engine/sdl/text_runs.h). These helpers read it back and check it
 * as a player would read the screen: no line overlaps another, none is cut off by the window
 * or by its box (a view that scrolls may cut lines at its top and bottom edges, not at its
 * sides), no wrapped line was left out, and the expected words are there. libc and cmocka. */
#ifndef HEARD_TESTS_SCREEN_TEXT_H
#define HEARD_TESTS_SCREEN_TEXT_H

#include <stddef.h>

typedef struct StRect {
    int x, y, w, h;
} StRect;

typedef struct StRun {
    char *text;
    StRect rect, box;
    int scroll, dropped;
    unsigned color; /* 0xrrggbb */
} StRun;

typedef struct ScreenText {
    int width, height; /* the window in pixels */
    StRun *runs;
    size_t count;
} ScreenText;

/* Reads SHOT.runs for the screenshot SHOT. Fails the test when it is missing or malformed. */
ScreenText *st_load(const char *shot);
void st_free(ScreenText *s); /* NULL is a no-op */

/* Whether PHRASE can be read on screen: inside one line, or across lines in the order they
 * were drawn (a wrapped sentence), with a space where one line ends. Runs scrolled out of
 * view do not count. */
int st_has(const ScreenText *s, const char *phrase);

/* Whether any of R can be seen: it was drawn, and not scrolled wholly out of its view. */
int st_visible(const StRun *r);

/* The first visible line holding WORDS; NULL when there is none. Borrowed. */
const StRun *st_find(const ScreenText *s, const char *words);

/* The first visible line that reads exactly TEXT; NULL when there is none. Borrowed. */
const StRun *st_find_exact(const ScreenText *s, const char *text);

/* Writes one line per problem into OUT (N bytes, NUL-terminated, cut when full) and returns
 * how many there are: two lines that overlap, a line past the window's edge, a line past its
 * box's edge, a wrapped line left out. */
int st_problems(const ScreenText *s, char *out, size_t n);

/* Loads SHOT.runs and fails the test, naming SHOT, unless the window is WIDTH x HEIGHT, there
 * are no problems and every one of the COUNT PHRASES is on screen. */
void st_assert_readable(const char *shot, int width, int height, const char *const *phrases,
                        size_t count);

/* Loads SHOT.runs and fails the test, naming SHOT and the line, when a line drawn in a view
 * that scrolls is cut by the view's top or bottom edge: a view that shows only whole lines
 * (help, the transcript) leaves such a line out. Returns how many lines the views show. */
int st_assert_whole_lines(const char *shot);

#endif
