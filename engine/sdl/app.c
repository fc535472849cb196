/* app.c: the main loop, the screen stack and the headless input driver. */
#include "engine/sdl/app.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/core/inputfile.h"
#include "engine/core/stop.h"
#include "engine/core/utf8.h"
#include "engine/sdl/platform.h"
#include "engine/sdl/text_runs.h"

#define STACK_MAX 16
#define BLINK_MS 530
#define IDLE_WAIT_MS 1000

struct App {
    AppConfig cfg;
    Platform *platform;
    Text *text;
    Ui ui;
    EventQueue *queue;
    Screen *stack[STACK_MAX];
    int depth;
    float zoom;
    int dirty, running, exit_code;
    uint32_t clock;    /* ms on the input clock */
    uint32_t blink_at; /* next caret blink */
    int caret_on;
    long frames;
    char root[512], data_dir[512];
    char exit_message[1024];
    char notice[600];
    InputFile *input;
    size_t input_next;
};

static const char *font_candidates[][2] = {
    {"assets/fonts/DejaVuSans.ttf", "assets/fonts/DejaVuSans-Bold.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
};

/* Opens the game's font, or a system copy of the same font with a warning. */
static Text *open_text(App *app, char *err, size_t errlen)
{
    char first_err[512] = "";
    for (size_t i = 0; i < sizeof font_candidates / sizeof font_candidates[0]; i++) {
        char reg[1024], bold[1024];
        const char *base = i == 0 ? app->root : "";
        snprintf(reg, sizeof reg, "%s%s%s", base, i == 0 ? "/" : "", font_candidates[i][0]);
        snprintf(bold, sizeof bold, "%s%s%s", base, i == 0 ? "/" : "", font_candidates[i][1]);
        char e[512];
        Text *t = txt_create(platform_renderer(app->platform), reg, bold, e, sizeof e);
        if (t) {
            if (i > 0)
                fprintf(stderr, "heard: warning: %s; using %s instead\n", first_err, reg);
            return t;
        }
        if (i == 0)
            snprintf(first_err, sizeof first_err, "%s", e);
    }
    snprintf(err, errlen, "%s (reinstall Heard, or set HEARD_ROOT to the folder holding assets/)",
             first_err);
    return NULL;
}

/* The largest text scale (in points, before the HiDPI ratio) the screens still lay out at:
 * one step of Ctrl+= at 800x600, growing with the window's smaller side. Past it the
 * transcript and the panel of the play screen shrink to a sliver. */
#define SCALE_AT_800X600 1.15f

/* Text grows with the window past 1280x720 (in points), so a full-screen game on a large
 * display reads from the sofa; the player's zoom and the HiDPI ratio multiply it, within
 * what the window can lay out (the zoom is kept: a larger window gives it back). */
static void update_scale(App *app)
{
    float ratio = platform_pixel_ratio(app->platform);
    int w, h;
    platform_output_size(app->platform, &w, &h);
    float fw = (float)w / ratio / 1280.0f, fh = (float)h / ratio / 720.0f;
    float fit = fw < fh ? fw : fh;
    if (fit < 1.0f)
        fit = 1.0f;
    if (fit > 2.0f)
        fit = 2.0f;
    float room_w = (float)w / ratio / 800.0f, room_h = (float)h / ratio / 600.0f;
    float most = SCALE_AT_800X600 * (room_w < room_h ? room_w : room_h);
    float scale = app->zoom * fit;
    txt_set_scale(app->text, ratio * (scale > most && most >= 1.0f ? most : scale));
    app->ui.unit = txt_line_height(app->text, FS_BODY) / 2;
    app->dirty = 1;
}

static void resolve_data_dir(App *app)
{
    if (app->cfg.data_dir) {
        snprintf(app->data_dir, sizeof app->data_dir, "%s", app->cfg.data_dir);
        mkdir(app->data_dir, 0755); /* an error shows later, when a session is saved */
        return;
    }
    char *pref = SDL_GetPrefPath("heard", "heard");
    snprintf(app->data_dir, sizeof app->data_dir, "%s", pref ? pref : ".");
    size_t n = strlen(app->data_dir);
    if (n > 1 && app->data_dir[n - 1] == '/')
        app->data_dir[n - 1] = '\0';
    SDL_free(pref);
}

App *app_create(const AppConfig *cfg, char *err, size_t errlen)
{
    App *app = calloc(1, sizeof *app);
    if (!app) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    app->cfg = *cfg;
    snprintf(app->root, sizeof app->root, "%s", cfg->root ? cfg->root : ".");
    app->zoom = 1.0f;
    app->running = 1;
    app->dirty = 1;
    if (cfg->input && !(app->input = inputfile_load(cfg->input, err, errlen))) {
        free(app);
        return NULL;
    }
    PlatformConfig pc = {"Heard", cfg->width, cfg->height, cfg->headless || cfg->input};
    app->platform = platform_create(&pc, err, errlen);
    app->queue = events_create();
    if (!app->platform || !app->queue || !(app->text = open_text(app, err, errlen)) ||
        (cfg->text_runs && txt_record(app->text, 1) != 0)) {
        if (app->text && cfg->text_runs)
            snprintf(err, errlen, "out of memory");
        app_destroy(app);
        return NULL;
    }
    if (!app_headless(app)) { /* the window manager's icon; a missing file changes nothing */
        char icon[600], ierr[700];
        snprintf(icon, sizeof icon, "%s/assets/icons/heard-256.png", app->root);
        if (platform_set_icon(app->platform, icon, ierr, sizeof ierr) != 0)
            fprintf(stderr, "heard: warning: %s\n", ierr);
    }
    app->ui.r = platform_renderer(app->platform);
    app->ui.text = app->text;
    app->ui.theme = cfg->high_contrast ? theme_high_contrast() : theme_normal();
    update_scale(app);
    resolve_data_dir(app);
    return app;
}

void app_destroy(App *app)
{
    if (!app)
        return;
    while (app->depth > 0)
        app_pop(app);
    inputfile_destroy(app->input);
    txt_destroy(app->text);
    events_destroy(app->queue);
    platform_destroy(app->platform);
    free(app);
}

void app_push(App *app, Screen *s)
{
    if (!s)
        return;
    if (app->depth == STACK_MAX) { /* a bug, not a player's doing: drop the oldest */
        app->stack[0]->ops->destroy(app->stack[0]);
        memmove(app->stack, app->stack + 1, sizeof(Screen *) * (STACK_MAX - 1));
        app->depth--;
    }
    app->stack[app->depth++] = s;
    app->dirty = 1;
}

void app_pop(App *app)
{
    if (app->depth == 0)
        return;
    Screen *s = app->stack[--app->depth];
    s->ops->destroy(s);
    app->dirty = 1;
}

void app_replace(App *app, Screen *s)
{
    app_pop(app);
    app_push(app, s);
}

void app_pop_to_root(App *app)
{
    while (app->depth > 1)
        app_pop(app);
}

void app_quit(App *app, int exit_code)
{
    app->running = 0;
    app->exit_code = exit_code;
}

const Ui *app_ui(App *app)
{
    return &app->ui;
}
void app_invalidate(App *app)
{
    app->dirty = 1;
}
uint32_t app_now(const App *app)
{
    return app->clock;
}
const char *app_root(const App *app)
{
    return app->root;
}
const char *app_data_dir(const App *app)
{
    return app->data_dir;
}
int app_headless(const App *app)
{
    return app->cfg.headless || app->input;
}

int app_trace(const App *app)
{
    return app->cfg.trace;
}
void app_set_clipboard(App *app, const char *utf8)
{
    platform_set_clipboard(app->platform, utf8);
}

void app_set_exit_message(App *app, const char *msg)
{
    snprintf(app->exit_message, sizeof app->exit_message, "%s", msg);
}

void app_set_notice(App *app, const char *msg)
{
    snprintf(app->notice, sizeof app->notice, "%s", msg ? msg : "");
}

const char *app_notice(const App *app)
{
    return app->notice;
}

float app_zoom(const App *app)
{
    return app->zoom;
}

void app_set_look(App *app, int high_contrast, float zoom)
{
    app->ui.theme = high_contrast ? theme_high_contrast() : theme_normal();
    if (zoom > 0) {
        app->zoom = zoom < 0.7f ? 0.7f : zoom > 2.5f ? 2.5f : zoom;
        update_scale(app);
    }
    app->dirty = 1;
}

/* Tells whoever remembers the look that it changed. */
static void look_changed(App *app)
{
    if (app->cfg.look_changed)
        app->cfg.look_changed(app->cfg.look_ud, app, app->ui.theme.high_contrast, app->zoom);
}

/* Queues TEXT as EV_TEXT events cut on code-point boundaries. Ill-formed UTF-8 (a pasted
 * binary, a raw byte in an input file) becomes U+FFFD first, as the text field would show
 * it, so every event can be recorded in the session file. */
static void push_text(App *app, const char *raw)
{
    size_t n = strlen(raw), i = 0;
    char *clean = n < (SIZE_MAX - 1) / 3 ? malloc(UTF8_REPAIR_BOUND(n)) : NULL;
    const char *text = raw;
    if (clean) { /* out of memory: the bytes go as they are and the field repairs them */
        n = utf8_repair(raw, n, clean, NULL);
        text = clean;
    }
    while (i < n) {
        size_t take = n - i < EVENT_TEXT_MAX - 1 ? n - i : EVENT_TEXT_MAX - 1;
        size_t cut = utf8_floor(text + i, n - i, take); /* whole characters per event */
        take = cut > 0 ? cut : 1;
        Event e = {.kind = EV_TEXT, .ms = app->clock};
        memcpy(e.text, text + i, take);
        e.text[take] = '\0';
        events_push(app->queue, &e);
        i += take;
    }
    free(clean);
}

void app_paste(App *app)
{
    char *clip = platform_get_clipboard(app->platform);
    if (clip) {
        push_text(app, clip);
        platform_free(clip);
    }
}

/* Keys that work on every screen: zoom, contrast. Returns 1 when E was used. */
static int handle_global(App *app, const Event *e)
{
    if (e->kind == EV_QUIT) {
        app_quit(app, 0);
        return 1;
    }
    if (e->kind == EV_RESIZE) {
        update_scale(app);
        return 0; /* screens may relayout too */
    }
    if (e->kind != EV_KEY)
        return 0;
    if ((e->mods & MOD_CTRL) &&
        (e->key == '=' || e->key == '+' || e->key == '-' || e->key == '0')) {
        app->zoom = e->key == '0' ? 1.0f : app->zoom * (e->key == '-' ? 1 / 1.15f : 1.15f);
        if (app->zoom < 0.7f)
            app->zoom = 0.7f;
        if (app->zoom > 2.5f)
            app->zoom = 2.5f;
        update_scale(app);
        look_changed(app);
        return 1;
    }
    if (e->key == KEY_F2) {
        int hc = !app->ui.theme.high_contrast;
        app->ui.theme = hc ? theme_high_contrast() : theme_normal();
        app->dirty = 1;
        look_changed(app);
        return 1;
    }
    return 0;
}

static void dispatch(App *app)
{
    Event e;
    while (events_pop(app->queue, &e)) {
        if (handle_global(app, &e))
            continue;
        if (app->depth == 0)
            break;
        Screen *top = app->stack[app->depth - 1];
        if (top->ops->handle)
            top->ops->handle(top, app, &e);
        app->dirty = 1;
        app->caret_on = 1; /* typing shows the caret at once */
        app->blink_at = app->clock + BLINK_MS;
    }
}

static void draw(App *app)
{
    int w, h;
    platform_output_size(app->platform, &w, &h);
    ui_fill(&app->ui, (Rect){0, 0, w, h}, app->ui.theme.bg);
    if (app->depth > 0) {
        Screen *top = app->stack[app->depth - 1];
        top->ops->draw(top, app, (Rect){0, 0, w, h});
        Rect caret;
        int wants = top->ops->caret && top->ops->caret(top, &caret);
        platform_text_input(app->platform, wants, caret.x, caret.y, caret.w, caret.h);
        if (wants && app->caret_on)
            ui_fill(&app->ui, caret, app->ui.theme.text);
    }
    txt_end_frame(app->text);
    app->dirty = 0;
}

static int shoot(App *app, const char *path)
{
    char err[512];
    if (app->dirty || app->cfg.headless || app->input)
        draw(app);
    if (platform_screenshot(app->platform, path, err, sizeof err) != 0) {
        fprintf(stderr, "heard: %s\n", err);
        return -1;
    }
    if (app->cfg.text_runs) {
        char runs[1100];
        snprintf(runs, sizeof runs, "%s.runs", path);
        if (text_runs_write(txt_runs(app->text), runs, err, sizeof err) != 0) {
            fprintf(stderr, "heard: %s\n", err);
            return -1;
        }
    }
    return 0;
}

/* Runs input-file commands until one lets time pass or the file ends. Returns 0 when the
 * file is done. */
static int feed_input(App *app)
{
    const InputCmd *c;
    while ((c = inputfile_get(app->input, app->input_next)) != NULL) {
        app->input_next++;
        switch (c->kind) {
        case IN_TYPE:
            push_text(app, c->text);
            break;
        case IN_KEY: {
            Event e = {.kind = EV_KEY, .ms = app->clock, .key = c->key, .mods = c->mods};
            events_push(app->queue, &e);
            break;
        }
        case IN_CLICK: {
            if (app->dirty)
                draw(app); /* a player clicks on what is on screen: lay out the frame first */
            Event e = {.kind = EV_CLICK, .ms = app->clock, .key = 1, .x = c->x, .y = c->y};
            events_push(app->queue, &e);
            break;
        }
        case IN_WHEEL: {
            Event e = {.kind = EV_WHEEL, .ms = app->clock, .y = c->y};
            events_push(app->queue, &e);
            break;
        }
        case IN_WAIT:
            dispatch(app);
            if (app->cfg.realtime) {
                draw(app); /* what a watcher would see while the time passes */
                for (long left = c->ms; left > 0 && !stop_requested(); left -= 100)
                    SDL_Delay((Uint32)(left < 100 ? left : 100)); /* a SIGTERM is seen soon */
            }
            app->clock += (uint32_t)c->ms;
            return 1;
        case IN_SHOT:
            dispatch(app);
            if (shoot(app, c->text) != 0)
                app->exit_code = 1;
            break;
        }
        dispatch(app); /* each command is seen before the next, as a player would */
    }
    return 0;
}

/* How long the loop may sleep: until the caret blinks or a screen's timer is due. */
static int wait_budget(App *app)
{
    if (app->depth == 0)
        return IDLE_WAIT_MS;
    Screen *top = app->stack[app->depth - 1];
    Rect caret;
    int budget = -1;
    if (top->ops->caret && top->ops->caret(top, &caret))
        budget = BLINK_MS;
    if (top->ops->wake) {
        uint32_t w = top->ops->wake(top, app);
        if (w > 0 && (budget < 0 || (int)w < budget))
            budget = (int)w;
    }
    return budget < 0 ? IDLE_WAIT_MS : budget;
}

static void tick_blink(App *app)
{
    if (app->clock >= app->blink_at) {
        app->caret_on = !app->caret_on;
        app->blink_at = app->clock + BLINK_MS;
        Screen *top = app->depth ? app->stack[app->depth - 1] : NULL;
        Rect caret;
        if (top && top->ops->caret && top->ops->caret(top, &caret))
            app->dirty = 1;
    }
    /* A screen with a timer (a turn clock) redraws whenever it asked to be woken. */
    Screen *top = app->depth ? app->stack[app->depth - 1] : NULL;
    if (top && top->ops->wake && top->ops->wake(top, app) > 0) {
        if (top->ops->tick)
            top->ops->tick(top, app);
        app->dirty = 1;
    }
}

void app_step(App *app, const Event *events, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        Event e = events[i];
        e.ms = app->clock;
        events_push(app->queue, &e);
    }
    dispatch(app);
    draw(app);
    platform_present(app->platform);
    app->frames++;
}

int app_run(App *app)
{
    int headless = app->cfg.headless || app->input;
    while (app->running && app->depth > 0) {
        int why = stop_requested(); /* SIGTERM, SIGINT: every answer is on disk already */
        if (why) {
            fprintf(stderr, "heard: %s; every answer given so far is saved\n", stop_reason(why));
            app->exit_code = 128 + why;
            break;
        }
        if (app->input) {
            if (!feed_input(app)) {
                dispatch(app);
                break;
            }
        } else if (headless) {
            app->clock += 16; /* a frame of a 60 Hz display */
        } else {
            platform_pump(app->platform, app->queue, wait_budget(app));
            app->clock = platform_ticks(app->platform);
        }
        dispatch(app);
        tick_blink(app);
        if (app->dirty || (headless && !app->input)) {
            draw(app);
            app->frames++;
            if (app->cfg.frames > 0 && app->frames >= app->cfg.frames)
                break;
            if (!headless || !app->cfg.screenshot)
                platform_present(app->platform);
        }
    }
    if (app->cfg.screenshot && app->depth > 0 && shoot(app, app->cfg.screenshot) != 0)
        app->exit_code = 1;
    if (app->exit_message[0])
        printf("%s\n", app->exit_message);
    return app->exit_code;
}
