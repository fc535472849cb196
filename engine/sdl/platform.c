/* platform.c: SDL2 window, renderer, event translation, clipboard and screenshots. */
#include "engine/sdl/platform.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_W 800
#define MIN_H 600

struct Platform {
    SDL_Window *window;
    SDL_Renderer *renderer;
    Uint32 start;
    int headless;
    int shortcut; /* the last key went down with Ctrl or GUI: the text it makes is not typed */
};

Platform *platform_create(const PlatformConfig *cfg, char *err, size_t errlen)
{
    if (cfg->headless)
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, errlen, "could not start the display: %s", SDL_GetError());
        return NULL;
    }
    Platform *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "out of memory");
        SDL_Quit();
        return NULL;
    }
    p->headless = cfg->headless;
    int w = cfg->width > 0 ? cfg->width : 1280, h = cfg->height > 0 ? cfg->height : 720;
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    p->window =
        SDL_CreateWindow(cfg->title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!p->window) {
        snprintf(err, errlen, "could not open a window: %s", SDL_GetError());
        platform_destroy(p);
        return NULL;
    }
    SDL_SetWindowMinimumSize(p->window, MIN_W, MIN_H);
    /* A screen of text redrawn only when something changes needs no GPU, and SDL's software
     * renderer costs a fraction of the memory of a GL driver (Mesa's llvmpipe alone takes
     * ~100 MiB). SDL_RENDER_DRIVER=opengl (or another driver) still picks one by hand. */
    const char *wanted = SDL_getenv("SDL_RENDER_DRIVER");
    Uint32 rflags = (cfg->headless || !wanted || !*wanted) ? SDL_RENDERER_SOFTWARE : 0;
    if (rflags == SDL_RENDERER_SOFTWARE) /* else SDL backs the window surface with GL too */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    p->renderer = SDL_CreateRenderer(p->window, -1, rflags);
    if (!p->renderer && rflags == 0) /* the driver asked for failed: software still works */
        p->renderer = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_SOFTWARE);
    if (!p->renderer) {
        snprintf(err, errlen, "could not create a renderer: %s", SDL_GetError());
        platform_destroy(p);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(p->renderer, SDL_BLENDMODE_BLEND);
    p->start = SDL_GetTicks();
    SDL_StopTextInput();
    return p;
}

void platform_destroy(Platform *p)
{
    if (!p)
        return;
    if (p->renderer)
        SDL_DestroyRenderer(p->renderer);
    if (p->window)
        SDL_DestroyWindow(p->window);
    free(p);
    SDL_Quit();
}

SDL_Renderer *platform_renderer(Platform *p)
{
    return p->renderer;
}

void platform_output_size(Platform *p, int *w, int *h)
{
    if (SDL_GetRendererOutputSize(p->renderer, w, h) != 0)
        SDL_GetWindowSize(p->window, w, h);
}

float platform_pixel_ratio(Platform *p)
{
    int ww, wh, pw, ph;
    SDL_GetWindowSize(p->window, &ww, &wh);
    platform_output_size(p, &pw, &ph);
    return ww > 0 ? (float)pw / (float)ww : 1.0f;
}

uint32_t platform_ticks(const Platform *p)
{
    return SDL_GetTicks() - p->start;
}

static unsigned translate_mods(Uint16 m)
{
    unsigned out = 0;
    if (m & KMOD_SHIFT)
        out |= MOD_SHIFT;
    if (m & KMOD_CTRL)
        out |= MOD_CTRL;
    if (m & KMOD_ALT)
        out |= MOD_ALT;
    if (m & KMOD_GUI)
        out |= MOD_GUI;
    return out;
}

static int translate_key(SDL_Keycode k)
{
    static const struct {
        SDL_Keycode sdl;
        int key;
    } table[] = {
        {SDLK_RETURN, KEY_RETURN}, {SDLK_KP_ENTER, KEY_RETURN},
        {SDLK_ESCAPE, KEY_ESCAPE}, {SDLK_BACKSPACE, KEY_BACKSPACE},
        {SDLK_DELETE, KEY_DELETE}, {SDLK_TAB, KEY_TAB},
        {SDLK_LEFT, KEY_LEFT},     {SDLK_RIGHT, KEY_RIGHT},
        {SDLK_UP, KEY_UP},         {SDLK_DOWN, KEY_DOWN},
        {SDLK_HOME, KEY_HOME},     {SDLK_END, KEY_END},
        {SDLK_PAGEUP, KEY_PAGEUP}, {SDLK_PAGEDOWN, KEY_PAGEDOWN},
        {SDLK_F1, KEY_F1},         {SDLK_F2, KEY_F2},
        {SDLK_F3, KEY_F3},         {SDLK_F4, KEY_F4},
        {SDLK_F5, KEY_F5},         {SDLK_F6, KEY_F6},
        {SDLK_F7, KEY_F7},         {SDLK_F8, KEY_F8},
        {SDLK_F9, KEY_F9},         {SDLK_F10, KEY_F10},
        {SDLK_F11, KEY_F11},       {SDLK_F12, KEY_F12},
        {SDLK_KP_PLUS, '='},       {SDLK_KP_MINUS, '-'},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].sdl == k)
            return table[i].key;
    if (k >= ' ' && k < 127)
        return (k >= 'A' && k <= 'Z') ? k - 'A' + 'a' : (int)k;
    return KEY_UNKNOWN;
}

/* A window made smaller than the game can lay out (a window manager that ignores the
 * minimum size) goes back to the minimum. */
static void keep_minimum(Platform *p)
{
    int w, h;
    SDL_GetWindowSize(p->window, &w, &h);
    if (w < MIN_W || h < MIN_H)
        SDL_SetWindowSize(p->window, w < MIN_W ? MIN_W : w, h < MIN_H ? MIN_H : h);
}

/* Fills E from SDL's event; returns 1 when it is one the game uses. */
static int translate(Platform *p, const SDL_Event *s, Event *e)
{
    memset(e, 0, sizeof *e);
    int shortcut = p->shortcut;
    p->shortcut = 0;
    switch (s->type) {
    case SDL_QUIT:
        e->kind = EV_QUIT;
        return 1;
    case SDL_KEYDOWN:
        e->kind = EV_KEY;
        e->key = translate_key(s->key.keysym.sym);
        e->mods = translate_mods(s->key.keysym.mod);
        /* Ctrl+1 picks a prompt; some systems also send its "1" as text, which is not typing
         * (AltGr, Ctrl+Alt on some keyboards, does type) */
        p->shortcut = ((e->mods & MOD_CTRL) && !(e->mods & MOD_ALT)) || (e->mods & MOD_GUI);
        return e->key != KEY_UNKNOWN;
    case SDL_TEXTINPUT:
        if (shortcut)
            return 0;
        e->kind = EV_TEXT;
        snprintf(e->text, sizeof e->text, "%s", s->text.text);
        return 1;
    case SDL_TEXTEDITING:
        e->kind = EV_EDIT;
        snprintf(e->text, sizeof e->text, "%s", s->edit.text);
        e->edit_start = s->edit.start;
        return 1;
    case SDL_MOUSEBUTTONDOWN: {
        float r = platform_pixel_ratio(p);
        e->kind = EV_CLICK;
        e->key = s->button.button;
        e->x = (int)((float)s->button.x * r);
        e->y = (int)((float)s->button.y * r);
        return 1;
    }
    case SDL_MOUSEWHEEL:
        e->kind = EV_WHEEL;
        e->y = s->wheel.y;
        return 1;
    case SDL_WINDOWEVENT:
        if (s->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            keep_minimum(p);
        if (s->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            s->window.event == SDL_WINDOWEVENT_EXPOSED) {
            e->kind = EV_RESIZE;
            platform_output_size(p, &e->x, &e->y);
            return 1;
        }
        return 0;
    default:
        return 0;
    }
}

int platform_pump(Platform *p, EventQueue *q, int timeout_ms)
{
    SDL_Event s;
    int n = 0;
    if (!SDL_WaitEventTimeout(&s, timeout_ms))
        return 0;
    do {
        Event e;
        if (translate(p, &s, &e)) {
            /* SDL stamps each event when it arrives: typing keeps its rhythm in replays. */
            Uint32 at = s.common.timestamp;
            e.ms = at > p->start ? at - p->start : 0;
            if (events_push(q, &e) == 0)
                n++;
        }
    } while (SDL_PollEvent(&s));
    return n;
}

void platform_text_input(Platform *p, int on, int x, int y, int w, int h)
{
    (void)p;
    if (!on) {
        if (SDL_IsTextInputActive())
            SDL_StopTextInput();
        return;
    }
    float r = platform_pixel_ratio(p);
    SDL_Rect rect = {(int)((float)x / r), (int)((float)y / r), (int)((float)w / r),
                     (int)((float)h / r)};
    SDL_SetTextInputRect(&rect);
    if (!SDL_IsTextInputActive())
        SDL_StartTextInput();
}

void platform_set_clipboard(Platform *p, const char *utf8)
{
    (void)p;
    SDL_SetClipboardText(utf8);
}

char *platform_get_clipboard(Platform *p)
{
    (void)p;
    if (!SDL_HasClipboardText())
        return NULL;
    return SDL_GetClipboardText();
}

void platform_free(void *ptr)
{
    SDL_free(ptr);
}

void platform_present(Platform *p)
{
    SDL_RenderPresent(p->renderer);
}

/* Whether PATH ends in ".png", in any case. */
static int is_png(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && SDL_strcasecmp(path + n - 4, ".png") == 0;
}

int platform_screenshot(Platform *p, const char *path, char *err, size_t errlen)
{
    int w, h;
    platform_output_size(p, &w, &h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        snprintf(err, errlen, "could not take a screenshot: %s", SDL_GetError());
        return -1;
    }
    int rc = SDL_RenderReadPixels(p->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch);
    if (rc == 0)
        rc = is_png(path) ? IMG_SavePNG(s, path) : SDL_SaveBMP(s, path);
    if (rc != 0)
        snprintf(err, errlen, "could not write the screenshot %s: %s", path, SDL_GetError());
    SDL_FreeSurface(s);
    return rc == 0 ? 0 : -1;
}

void platform_set_size(Platform *p, int w, int h)
{
    SDL_SetWindowSize(p->window, w, h);
    keep_minimum(p);
}

int platform_set_icon(Platform *p, const char *path, char *err, size_t errlen)
{
    SDL_Surface *icon = IMG_Load(path);
    if (!icon) {
        snprintf(err, errlen, "could not load the icon %s: %s", path, IMG_GetError());
        return -1;
    }
    SDL_SetWindowIcon(p->window, icon);
    SDL_FreeSurface(icon);
    return 0;
}
