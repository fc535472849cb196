/* platform.h: the window, the renderer and the event pump, over SDL2.
 *
 * A resizable window (default 1280x720, at least 800x600), HiDPI-aware: layout is sized
 * from the renderer's output in pixels, not the window's size in points. Headless runs use
 * SDL's dummy video driver with the software renderer, so tests and `--screenshot` draw
 * exactly what a player would see. SDL events are translated into engine Events (events.h)
 * and pushed onto the one input queue.
 */
#ifndef HEARD_PLATFORM_H
#define HEARD_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/events.h"

struct SDL_Renderer;

typedef struct Platform Platform;

typedef struct PlatformConfig {
    const char *title;
    int width, height; /* window size in points; 0 means 1280x720 */
    int headless;      /* dummy video driver and software renderer */
} PlatformConfig;

/* Opens the window and renderer. Returns NULL with ERR filled ("could not open a window:
 * <SDL's reason>") when SDL cannot start. The caller owns the result. */
Platform *platform_create(const PlatformConfig *cfg, char *err, size_t errlen);

/* Closes the window and shuts SDL down. NULL is a no-op. */
void platform_destroy(Platform *p);

/* The renderer, borrowed. */
struct SDL_Renderer *platform_renderer(Platform *p);

/* The drawable size in pixels (for layout). */
void platform_output_size(Platform *p, int *w, int *h);

/* Pixels per point: 2 on a HiDPI screen, 1 elsewhere. */
float platform_pixel_ratio(Platform *p);

/* Milliseconds since platform_create (the wall clock; game logic uses event stamps). */
uint32_t platform_ticks(const Platform *p);

/* Waits up to TIMEOUT_MS for input (sleeping in SDL_WaitEventTimeout, so an idle game uses
 * next to no CPU), then translates every pending SDL event into Events stamped with the
 * time SDL saw it (platform_ticks' clock) and pushes them onto Q. Returns the number
 * pushed. */
int platform_pump(Platform *p, EventQueue *q, int timeout_ms);

/* Starts or stops text input (IME); RECT is where the caret is, so a composition window
 * opens beside it. */
void platform_text_input(Platform *p, int on, int x, int y, int w, int h);

/* Clipboard: set text; get text (caller frees with platform_free). NULL when empty. */
void platform_set_clipboard(Platform *p, const char *utf8);
char *platform_get_clipboard(Platform *p);
void platform_free(void *ptr);

/* Presents the frame. */
void platform_present(Platform *p);

/* Writes the current frame (before present) to PATH: PNG when PATH ends in .png (any case),
 * else BMP. 0, or -1 with ERR filled ("could not write the screenshot PATH: reason"). */
int platform_screenshot(Platform *p, const char *path, char *err, size_t errlen);

/* Sets the window's icon from the image at PATH (PNG). Returns 0, or -1 with ERR filled
 * ("could not load the icon PATH: reason"); the window keeps its default icon. */
int platform_set_icon(Platform *p, const char *path, char *err, size_t errlen);

/* Resizes the window (used by tests and --size). */
void platform_set_size(Platform *p, int w, int h);

#endif
