/* app.h: the game's application object — the window, text, theme, the one input queue, a
 * stack of screens, and the main loop that sleeps until something happens.
 *
 * Every input goes through the queue: SDL events in a window, or the commands of an input
 * file (`heard play --input FILE`) in a headless run. The top screen handles events and
 * draws; the loop redraws only when something changed or a screen asked to be woken
 * (the caret's blink, a turn timer), so an idle game uses next to no CPU.
 */
#ifndef HEARD_APP_H
#define HEARD_APP_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/events.h"
#include "engine/sdl/text.h"
#include "engine/sdl/widgets.h"

typedef struct App App;
typedef struct Screen Screen;

typedef struct ScreenOps {
    const char *name;
    void (*handle)(Screen *s, App *app, const Event *e);
    void (*draw)(Screen *s, App *app, Rect area);
    void (*destroy)(Screen *s);
    /* Optional: 1 when a text field wants typing, with the caret's rect in *WHERE. */
    int (*caret)(Screen *s, Rect *where);
    /* Optional: milliseconds until the screen needs a redraw on its own (0: never). */
    uint32_t (*wake)(Screen *s, App *app);
    /* Optional: called when the screen's wake time comes, before it is redrawn (to look for
     * a changed file, say). */
    void (*tick)(Screen *s, App *app);
} ScreenOps;

struct Screen {
    const ScreenOps *ops;
};

typedef struct AppConfig {
    int headless;           /* dummy video driver, software renderer */
    long frames;            /* headless: draw this many frames, then stop (0: no limit) */
    const char *screenshot; /* write the last frame here */
    const char *input;      /* an input file to play (implies headless pacing) */
    const char *root;       /* folder holding scripts/ and assets/ */
    const char *data_dir;   /* where sessions are saved; NULL: SDL's preference path */
    int width, height;      /* window size; 0: 1280x720 */
    int high_contrast;
    int realtime;  /* input files: `wait` really waits (demos, and the kill test) */
    int trace;     /* print "saved turn N" on stdout once each turn is on disk */
    int text_runs; /* each screenshot FILE is joined by FILE.runs (engine/sdl/text_runs.h) */
    /* Optional: told when the player changes the contrast (F2) or the text size, to remember
     * them (game/settings). */
    void (*look_changed)(void *ud, App *app, int high_contrast, float zoom);
    void *look_ud;
} AppConfig;

/* Opens the window and fonts. NULL with ERR filled when the display or every font fails;
 * a missing game font falls back to a system DejaVu font with a warning on stderr. */
App *app_create(const AppConfig *cfg, char *err, size_t errlen);
void app_destroy(App *app); /* destroys every screen; NULL is a no-op */

/* Runs until the window closes, the screen stack empties, the input file ends or the frame
 * limit is reached. Returns the process exit code. */
int app_run(App *app);

/* One turn of the main loop without the loop, for benchmarks and tests that drive an App
 * from code: queues COUNT EVENTS (stamped with the input clock, which does not move),
 * hands them to the top screen, then draws and presents one frame. */
void app_step(App *app, const Event *events, size_t count);

/* The screen stack. The app owns pushed screens and destroys them when popped. */
void app_push(App *app, Screen *s);
void app_pop(App *app);
void app_replace(App *app, Screen *s); /* pop the top, push S */
void app_pop_to_root(App *app);        /* back to the bottom screen */
void app_quit(App *app, int exit_code);

const Ui *app_ui(App *app);
void app_invalidate(App *app);    /* something changed: redraw */
uint32_t app_now(const App *app); /* ms on the input clock */
const char *app_root(const App *app);
const char *app_data_dir(const App *app);
int app_headless(const App *app);
int app_trace(const App *app);
void app_set_clipboard(App *app, const char *utf8);
/* Queues a paste of the clipboard as text events (the one input path). */
void app_paste(App *app);
/* A line the game prints when it exits (e.g. where the session was saved). */
void app_set_exit_message(App *app, const char *msg);

/* A note for the player that the title screen shows (a settings file that could not be read),
 * or ""; borrowed. */
void app_set_notice(App *app, const char *msg);
const char *app_notice(const App *app);

/* The player's text size now (Ctrl+= / Ctrl+-, 1 the standard); the scale the text is drawn
 * at is this times the window's fit, within what keeps the play screen usable (app.c,
 * update_scale). */
float app_zoom(const App *app);

/* Sets the contrast and the text size (ZOOM from 0.7 to 2.5; 0 keeps it), as remembered from
 * an earlier run; the look_changed callback is not told. */
void app_set_look(App *app, int high_contrast, float zoom);

#endif
