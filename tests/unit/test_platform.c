/* test_platform.c: SDL events into the game's one input queue (engine/sdl/platform.h),
 * under SDL's dummy video driver with real SDL events: the "1" that some systems type along
 * with Ctrl+1 (the key that picks a prompt) is not typing, while AltGr text and plain keys
 * are. (The window's minimum size is kept by the window manager's hints and, where a manager
 * ignores them, by the platform; the dummy driver cannot be dragged, so that is checked in a
 * real window under Xvfb: docs/testing.md.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <string.h>

#include "engine/sdl/platform.h"

static Platform *open_platform(void)
{
    char err[256];
    PlatformConfig cfg = {"test", 1280, 720, 1};
    Platform *p = platform_create(&cfg, err, sizeof err);
    if (!p)
        fail_msg("%s", err);
    return p;
}

static void push_key(SDL_Keycode key, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = key;
    e.key.keysym.mod = mod;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static void push_text(const char *text)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", text);
    assert_int_equal(SDL_PushEvent(&e), 1);
}

/* Pumps what was pushed into a fresh queue; returns the events in OUT (at most MAX). */
static int pump(Platform *p, Event *out, int max)
{
    EventQueue *q = events_create();
    assert_non_null(q);
    platform_pump(p, q, 0);
    int n = 0;
    Event e;
    while (n < max && events_pop(q, &e))
        if (e.kind == EV_KEY || e.kind == EV_TEXT)
            out[n++] = e;
    events_destroy(q);
    return n;
}

static void test_platform_ctrl_digit_types_nothing(void **state)
{
    (void)state;
    Platform *p = open_platform();
    Event ev[8];
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    push_key(SDLK_1, KMOD_LCTRL);
    push_text("1"); /* what X11 sends with Ctrl+1 */
    int n = pump(p, ev, 8);
    assert_int_equal(n, 1);
    assert_int_equal(ev[0].kind, EV_KEY);
    assert_int_equal(ev[0].key, '1');
    assert_true(ev[0].mods & MOD_CTRL);
    /* a plain 1 types a 1; AltGr (Ctrl+Alt) text is typed too */
    push_key(SDLK_1, 0);
    push_text("1");
    push_key(SDLK_e, KMOD_LCTRL | KMOD_LALT);
    push_text("€");
    n = pump(p, ev, 8);
    assert_int_equal(n, 4);
    assert_int_equal(ev[1].kind, EV_TEXT);
    assert_string_equal(ev[1].text, "1");
    assert_int_equal(ev[3].kind, EV_TEXT);
    assert_string_equal(ev[3].text, "€");
    platform_destroy(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_platform_ctrl_digit_types_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
