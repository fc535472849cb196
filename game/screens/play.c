/* play.c: the floor, turn by turn. Who acts and in which role is always shown in large
 * type; the transcript of the session scrolls on the left; the moves the analyser saw in
 * the last reply, with points and reasons, stand on the right; the bottom holds what the
 * flow asks for now: a text field (with the scenario's prompts to pick), the Got it /
 * Partly / Not yet rating, or a choice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/core/limits.h"
#include "engine/core/textfield.h"
#include "engine/sdl/textfield_view.h"
#include "game/screens/play_draw.h"
#include "game/screens/screens.h"

#define REPLY_MAX_BYTES LIMITS_TEXT_MAX /* the one limit on a player's words */

typedef struct PlayScreen {
    Screen base;
    Game *game;
    TextField *field;
    PlayView view;
    struct timespec scenario_mtime; /* the scenario file's time when last (re)loaded */
    int confirm_leave;              /* Esc with nothing to take back: "Leave this game?" */
} PlayScreen;

static void show_error(App *app, const ScriptError *err);

static int reload_cb(void *ud, App *app, ScriptError *err)
{
    PlayScreen *ps = ud;
    int rc = match_reload(ps->game->match, game_now(ps->game, app), err);
    game_note_warning(ps->game);
    return rc;
}

/* Empties the field for the ask now, or fills it with the words the ask starts from (a
 * parked toaster to say again). */
static void reset_field(PlayScreen *ps)
{
    const FlowAsk *ask = flow_ask(match_flow(ps->game->match));
    tf_clear(ps->field);
    if (ask->kind == ASK_TEXT && ask->prefill[0])
        tf_set_text(ps->field, ask->prefill);
}

/* After any answer (the match has saved it): notice the end or a role swap (the hand-over),
 * reset the field and the highlighted choice for the next ask. */
static void after_answer(PlayScreen *ps, App *app, int round_before)
{
    game_note_warning(ps->game);
    ps->game->ask_started = app_now(app);
    ps->view.scroll = 0; /* follow the newest turn */
    ps->view.selected = 0;
    reset_field(ps);
    ps->view.message[0] = '\0';
    const Flow *f = match_flow(ps->game->match);
    if (!flow_finished(f) && flow_round(f) > round_before)
        app_push(app, handover_screen_create(app, ps->game));
    if (flow_finished(match_flow(ps->game->match))) {
        const char *path = match_save_path(ps->game->match);
        if (path[0]) {
            char msg[1200];
            snprintf(msg, sizeof msg, "Session saved to %s", path);
            app_set_exit_message(app, msg);
        }
        Game *g = ps->game;
        ps->game = NULL; /* the summary owns it now */
        app_replace(app, summary_screen_create(app, g));
    }
}

static void answer_result(PlayScreen *ps, App *app, int rc, int round_before,
                          const ScriptError *err)
{
    if (rc == 0) {
        after_answer(ps, app, round_before);
        return;
    }
    ps->view.message_bad = 1; /* each of these is something to put right */
    switch (rc) {
    case FLOW_ERR_EMPTY:
        snprintf(ps->view.message, sizeof ps->view.message,
                 "Type something first — or press Esc to pause.");
        break;
    case FLOW_ERR_PAUSED:
        snprintf(ps->view.message, sizeof ps->view.message, "The game is paused.");
        break;
    case FLOW_ERR_RANGE:
    case FLOW_ERR_KIND:
        snprintf(ps->view.message, sizeof ps->view.message, "That choice is not on offer now.");
        break;
    default:
        show_error(app, err);
    }
}

static void show_error(App *app, const ScriptError *err)
{
    app_push(app, error_screen_create(err, NULL, NULL));
}

static void submit_text(PlayScreen *ps, App *app)
{
    ScriptError err;
    memset(&err, 0, sizeof err);
    int round = flow_round(match_flow(ps->game->match));
    int rc = match_answer_text(ps->game->match, tf_text(ps->field), game_now(ps->game, app), &err);
    answer_result(ps, app, rc, round, &err);
}

static void pick(PlayScreen *ps, App *app, int index)
{
    ScriptError err;
    memset(&err, 0, sizeof err);
    int round = flow_round(match_flow(ps->game->match));
    int rc = match_answer_choice(ps->game->match, index, game_now(ps->game, app), &err);
    answer_result(ps, app, rc, round, &err);
}

/* Esc: takes back one step; a typed answer comes back into the box to be edited (nothing is
 * lost). With nothing left to take back, asks before leaving the game. */
static void go_back(PlayScreen *ps, App *app)
{
    const Flow *f = match_flow(ps->game->match);
    size_t n = flow_answer_count(f);
    const FlowAnswer *last = n ? flow_answer(f, n - 1) : NULL;
    char *again = last && last->kind == FLOW_ANSWER_TEXT ? strdup(last->text) : NULL;
    ScriptError err;
    memset(&err, 0, sizeof err);
    int rc = match_back(ps->game->match, game_now(ps->game, app), &err);
    if (rc == FLOW_ERR_NOTHING)
        ps->confirm_leave = 1;
    else if (rc != 0)
        show_error(app, &err);
    if (rc != 0) {
        free(again);
        return;
    }
    game_note_warning(ps->game);
    ps->view.selected = 0;
    reset_field(ps);
    if (again && flow_ask(f)->kind == ASK_TEXT)
        tf_set_text(ps->field, again);
    free(again);
    ps->view.message_bad = 0;
    snprintf(ps->view.message, sizeof ps->view.message, "Took back the last answer%s.",
             flow_ask(f)->kind == ASK_TEXT && tf_length(ps->field)
                 ? ": it is back in the box to change"
                 : "");
}

/* The confirmation Esc asks for when there is nothing left to take back. Returns 1 when E
 * was for it. */
static int handle_leave(PlayScreen *ps, App *app, const Event *e)
{
    if (!ps->confirm_leave)
        return 0;
    if (e->kind != EV_KEY)
        return 1;
    ps->confirm_leave = 0;
    if (e->key == KEY_RETURN || e->key == 'y')
        app_pop_to_root(app); /* the session is saved as it stands */
    return 1;
}

/* The scenario file's modification time; zero when it cannot be read. */
static struct timespec file_mtime(const char *path)
{
    struct stat st;
    struct timespec none = {0, 0};
    return stat(path, &st) == 0 ? st.st_mtim : none;
}

static void reload(PlayScreen *ps, App *app)
{
    ps->scenario_mtime = file_mtime(ps->game->setup.scenario.path);
    ScriptError err;
    memset(&err, 0, sizeof err);
    int rc = match_reload(ps->game->match, game_now(ps->game, app), &err); /* for replay */
    game_note_warning(ps->game);
    if (rc != 0) {
        app_push(app, error_screen_create(&err, reload_cb, ps));
        return;
    }
    ps->view.message_bad = 0;
    snprintf(ps->view.message, sizeof ps->view.message, "Reloaded the scenario.");
}

/* Keys that act on the game rather than the text field. Returns 1 when E was used. */
static int handle_game_key(PlayScreen *ps, App *app, const Event *e)
{
    const FlowAsk *ask = flow_ask(match_flow(ps->game->match));
    if (e->key == KEY_ESCAPE) {
        go_back(ps, app);
        return 1;
    }
    if (e->key == KEY_F9) {
        match_set_paused(ps->game->match, 1);
        app_push(app, timeout_screen_create(app, ps->game));
        return 1;
    }
    if (e->key == KEY_F5) {
        reload(ps, app);
        return 1;
    }
    if (e->key == KEY_F1) {
        app_push(app, help_screen_create(app));
        return 1;
    }
    if (e->key == 'q' && (e->mods & MOD_CTRL)) { /* leave now, to go on later */
        ps->confirm_leave = 1;
        return 1;
    }
    if (e->key == KEY_PAGEUP || e->key == KEY_PAGEDOWN) {
        ps->view.scroll += e->key == KEY_PAGEUP ? 200 : -200;
        if (ps->view.scroll < 0)
            ps->view.scroll = 0;
        return 1;
    }
    int digit = e->key >= '1' && e->key <= '9' ? e->key - '1' : -1;
    if (ask->kind == ASK_TEXT) {
        if (digit >= 0 && (e->mods & MOD_CTRL) && digit < ask->nchoices) {
            pick(ps, app, digit);
            return 1;
        }
        if (e->key == 'v' && (e->mods & MOD_CTRL)) {
            tf_handle_event(ps->field, e); /* ends the insertion before the paste */
            app_paste(app);
            return 1;
        }
        return 0;
    }
    if (digit >= 0 && digit < ask->nchoices) {
        pick(ps, app, digit);
        return 1;
    }
    if (ask->nchoices && (e->key == KEY_LEFT || e->key == KEY_UP || e->key == KEY_RIGHT ||
                          e->key == KEY_DOWN || e->key == KEY_TAB)) {
        int step = e->key == KEY_LEFT || e->key == KEY_UP ? ask->nchoices - 1 : 1;
        ps->view.selected = (ps->view.selected + step) % ask->nchoices;
        return 1;
    }
    if (ask->nchoices && e->key == KEY_RETURN) {
        pick(ps, app, ps->view.selected < ask->nchoices ? ps->view.selected : 0);
        return 1;
    }
    return 0;
}

static void handle(Screen *s, App *app, const Event *e)
{
    PlayScreen *ps = (PlayScreen *)s;
    if (handle_leave(ps, app, e))
        return;
    Event stamped = *e; /* on the session's clock, which a continued session carries on */
    stamped.ms = game_now(ps->game, app);
    match_record_event(ps->game->match, &stamped);
    if (e->kind == EV_WHEEL) {
        ps->view.scroll += e->y * 60;
        if (ps->view.scroll < 0)
            ps->view.scroll = 0;
        return;
    }
    if (e->kind == EV_CLICK) {
        int choice = play_view_hit(&ps->view, e->x, e->y);
        if (choice >= 0)
            pick(ps, app, choice);
        else if (ui_inside(ps->view.field, e->x, e->y))
            tf_set_caret(ps->field, tfv_hit(app_ui(app), ps->field, ps->view.field, e->x, e->y),
                         (e->mods & MOD_SHIFT) != 0);
        return;
    }
    if (e->kind == EV_KEY && handle_game_key(ps, app, e))
        return;
    if (!ps->game || flow_ask(match_flow(ps->game->match))->kind != ASK_TEXT)
        return;
    int r = tf_handle_event(ps->field, e);
    if (r & (TF_COPY | TF_CUT))
        app_set_clipboard(app, tf_clip_text(ps->field));
    if (r & TF_CHANGED)
        ps->view.message[0] = '\0';
    if (r & TF_SUBMIT)
        submit_text(ps, app);
}

static void draw(Screen *s, App *app, Rect area)
{
    PlayScreen *ps = (PlayScreen *)s;
    if (ps->game && !ps->confirm_leave) /* the question stands alone, not over the game */
        play_view_draw(&ps->view, app, match_flow(ps->game->match),
                       match_save_warning(ps->game->match), ps->field, ps->game->ask_started, area);
    if (ps->confirm_leave)
        play_view_confirm(app, "Leave this game?",
                          "It is saved: you can pick it up where you left off from Past "
                          "sessions on the title screen.",
                          "Leave", "Stay", area);
}

static int caret(Screen *s, Rect *where)
{
    PlayScreen *ps = (PlayScreen *)s;
    if (!ps->game || ps->confirm_leave || flow_ask(match_flow(ps->game->match))->kind != ASK_TEXT)
        return 0;
    *where = ps->view.caret;
    return 1;
}

/* A window checks the scenario file once a second (hot reload); a turn timer redraws four
 * times a second. Headless runs get neither: their clock is the input file's. */
static uint32_t wake(Screen *s, App *app)
{
    PlayScreen *ps = (PlayScreen *)s;
    if (!ps->game)
        return 0;
    if (flow_turn_seconds(match_flow(ps->game->match)) > 0)
        return 250;
    return app_headless(app) ? 0 : 1000;
}

/* Reloads the scenario when its file changed on disk (a coach editing it beside the game). */
static void tick(Screen *s, App *app)
{
    PlayScreen *ps = (PlayScreen *)s;
    if (!ps->game || app_headless(app))
        return;
    struct timespec now = file_mtime(ps->game->setup.scenario.path);
    if (now.tv_sec == 0 && now.tv_nsec == 0) /* deleted or being rewritten: wait */
        return;
    if (now.tv_sec != ps->scenario_mtime.tv_sec || now.tv_nsec != ps->scenario_mtime.tv_nsec)
        reload(ps, app);
}

static void destroy(Screen *s)
{
    PlayScreen *ps = (PlayScreen *)s;
    game_destroy(ps->game);
    tf_destroy(ps->field);
    free(ps);
}

static const ScreenOps ops = {.name = "play",
                              .handle = handle,
                              .draw = draw,
                              .destroy = destroy,
                              .caret = caret,
                              .wake = wake,
                              .tick = tick};

/* The play screen for the game G (taken: freed with the screen, or here on failure). */
static Screen *play_screen_for(App *app, Game *g)
{
    PlayScreen *ps = calloc(1, sizeof *ps);
    TextField *field = tf_create(REPLY_MAX_BYTES);
    if (!ps || !field) {
        free(ps);
        tf_destroy(field);
        game_destroy(g);
        return NULL;
    }
    ps->base.ops = &ops;
    ps->game = g;
    ps->field = field;
    g->ask_started = app_now(app);
    ps->scenario_mtime = file_mtime(g->setup.scenario.path);
    reset_field(ps);
    return &ps->base;
}

Screen *play_screen_create(App *app, const GameSetup *setup)
{
    ScriptError err;
    memset(&err, 0, sizeof err);
    Game *g = game_create(app, setup, &err);
    if (!g)
        return error_screen_create(&err, NULL, NULL);
    return play_screen_for(app, g);
}

Screen *play_screen_resume(App *app, const char *path)
{
    ScriptError err;
    Game *g = game_resume(app, path, &err);
    if (!g)
        return error_screen_create(&err, NULL, NULL);
    if (flow_finished(match_flow(g->match))) /* it had ended but for its last line */
        return summary_screen_create(app, g);
    Screen *s = play_screen_for(app, g);
    if (s) { /* a greeting, drawn as news, not as a mistake */
        PlayView *v = &((PlayScreen *)s)->view;
        snprintf(v->message, sizeof v->message,
                 "Welcome back: the game goes on where you left it.");
        v->message_bad = 0;
    }
    return s;
}
