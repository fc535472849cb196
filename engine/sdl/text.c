/* text.c: SDL2_ttf fonts, the rendered-text cache and the wrap cache. Characters the game's
 * font lacks are drawn with system fallback fonts when they are installed: Chinese, Japanese,
 * Korean with Debian's fonts-droid-fallback or fonts-noto-cjk, symbols and emoji (🙏, 👍)
 * with fonts-symbola (an outline font SDL2_ttf draws at any size; fonts-noto-color-emoji
 * holds bitmaps of one size only, 109 pixels, and is not used). A line is cut into runs,
 * each drawn and measured with the first font that has its glyphs; a fallback is opened the
 * first time a character needs it. */
#include "engine/sdl/text.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/core/utf8.h"
#include "engine/sdl/text_runs.h"

#define TEX_SLOTS 1024      /* power of two */
#define WRAP_SLOTS 256      /* power of two */
#define MAX_AGE 600         /* frames a texture may sit unused before it is freed */
#define MEASURE_WINDOW 1024 /* bytes measured at once; no line holds more */

static const int base_points[FS_COUNT] = {13, 17, 21, 30, 48};

/* Fallback fonts for what DejaVu Sans does not cover: one of each group, the first found in
 * the group; a character goes to the first group's font that has it. */
#define FALLBACKS 2
static const char *const fallback_paths[FALLBACKS][4] = {
    {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
     "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
     "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", NULL},
    {"/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
     "/usr/share/fonts/truetype/symbola/Symbola.ttf", NULL, NULL},
};

typedef struct TexEntry {
    char *text;
    uint64_t hash;
    int size, bold; /* bold 2, 3: the fallback fonts */
    Color color;
    SDL_Texture *tex;
    int w, h;
    unsigned long used;
} TexEntry;

typedef struct WrapEntry {
    char *text;
    uint64_t hash;
    int size, bold, width;
    WrapLine *lines;
    int count;
    unsigned long used; /* the frame it was last asked for */
} WrapEntry;

struct Text {
    SDL_Renderer *renderer;
    char *paths[2];
    TTF_Font *fonts[2][FS_COUNT];
    const char *fallback_path[FALLBACKS];    /* NULL when none of a group is installed */
    TTF_Font *fallback[FALLBACKS][FS_COUNT]; /* regular weight only; opened when first needed */
    unsigned char fallback_tried[FALLBACKS][FS_COUNT]; /* an open was tried at this scale */
    float scale;
    TexEntry tex[TEX_SLOTS];
    WrapEntry wraps[WRAP_SLOTS];
    unsigned long frame, rendered, hits;
    unsigned long wrapped; /* texts wrapped (not found in the wrap cache) */
    TextRuns *runs;        /* while recording */
    int scrolling;         /* the clip rect is a scrolling view */
};

static uint64_t fnv1a(const char *s, uint64_t h)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h;
}

static void close_fonts(TTF_Font *fonts[2][FS_COUNT])
{
    for (int b = 0; b < 2; b++)
        for (int i = 0; i < FS_COUNT; i++)
            if (fonts[b][i]) {
                TTF_CloseFont(fonts[b][i]);
                fonts[b][i] = NULL;
            }
}

/* The fallback font of group G at SIZE, opened at the text's scale the first time a
 * character asks for it: most games never type one, and the CJK fallback alone is 4 MB to
 * read at every size. NULL when the group has none installed or it cannot be opened. */
static TTF_Font *fallback_font(Text *t, int g, FontSize size)
{
    if (!t->fallback[g][size] && !t->fallback_tried[g][size] && t->fallback_path[g]) {
        t->fallback_tried[g][size] = 1;
        int pt = (int)((float)base_points[size] * t->scale + 0.5f);
        t->fallback[g][size] = TTF_OpenFont(t->fallback_path[g], pt < 6 ? 6 : pt);
    }
    return t->fallback[g][size];
}

/* Closes the fallback fonts that were opened; they open again at the next scale on use. */
static void close_fallback(Text *t)
{
    for (int g = 0; g < FALLBACKS; g++)
        for (int i = 0; i < FS_COUNT; i++) {
            if (t->fallback[g][i])
                TTF_CloseFont(t->fallback[g][i]);
            t->fallback[g][i] = NULL;
            t->fallback_tried[g][i] = 0;
        }
}

static int open_fonts(Text *t, float scale, TTF_Font *out[2][FS_COUNT], char *err, size_t n)
{
    memset(out, 0, sizeof(TTF_Font *) * 2 * FS_COUNT);
    for (int b = 0; b < 2; b++) {
        const char *path = t->paths[b] ? t->paths[b] : t->paths[0];
        for (int i = 0; i < FS_COUNT; i++) {
            int pt = (int)((float)base_points[i] * scale + 0.5f);
            out[b][i] = TTF_OpenFont(path, pt < 6 ? 6 : pt);
            if (!out[b][i]) {
                snprintf(err, n, "could not open the font %s: %s", path, TTF_GetError());
                close_fonts(out);
                return -1;
            }
            TTF_SetFontHinting(out[b][i], TTF_HINTING_LIGHT);
        }
    }
    return 0;
}

static void clear_caches(Text *t)
{
    for (int i = 0; i < TEX_SLOTS; i++) {
        if (t->tex[i].tex)
            SDL_DestroyTexture(t->tex[i].tex);
        free(t->tex[i].text);
    }
    for (int i = 0; i < WRAP_SLOTS; i++) {
        free(t->wraps[i].text);
        free(t->wraps[i].lines);
    }
    memset(t->tex, 0, sizeof t->tex);
    memset(t->wraps, 0, sizeof t->wraps);
}

Text *txt_create(SDL_Renderer *r, const char *font_path, const char *bold_path, char *err,
                 size_t errlen)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "could not start the font engine: %s", TTF_GetError());
        return NULL;
    }
    Text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    t->renderer = r;
    t->scale = 1.0f;
    t->paths[0] = strdup(font_path);
    t->paths[1] = bold_path ? strdup(bold_path) : NULL;
    for (int g = 0; g < FALLBACKS; g++)
        for (size_t i = 0; fallback_paths[g][i] && !t->fallback_path[g]; i++)
            if (access(fallback_paths[g][i], R_OK) == 0)
                t->fallback_path[g] = fallback_paths[g][i];
    if (!t->paths[0] || open_fonts(t, t->scale, t->fonts, err, errlen) != 0) {
        txt_destroy(t);
        return NULL;
    }
    return t;
}

void txt_destroy(Text *t)
{
    if (!t)
        return;
    clear_caches(t);
    close_fonts(t->fonts);
    close_fallback(t);
    text_runs_destroy(t->runs);
    free(t->paths[0]);
    free(t->paths[1]);
    free(t);
    if (TTF_WasInit())
        TTF_Quit();
}

int txt_set_scale(Text *t, float scale)
{
    if (scale < 0.5f)
        scale = 0.5f;
    if (scale > 4.0f)
        scale = 4.0f;
    if (scale == t->scale)
        return 0;
    TTF_Font *fresh[2][FS_COUNT];
    char err[256];
    if (open_fonts(t, scale, fresh, err, sizeof err) != 0)
        return -1;
    clear_caches(t);
    close_fonts(t->fonts);
    memcpy(t->fonts, fresh, sizeof fresh);
    close_fallback(t);
    t->scale = scale;
    return 0;
}

float txt_scale(const Text *t)
{
    return t->scale;
}

/* The font for SIZE and BOLD; BOLD 2 and 3 ask for the fallback fonts. */
static TTF_Font *font(Text *t, FontSize size, int bold)
{
    size = size < FS_COUNT ? size : FS_BODY;
    if (bold >= 2 && bold < 2 + FALLBACKS && fallback_font(t, bold - 2, size))
        return t->fallback[bold - 2][size];
    return t->fonts[bold == 1 ? 1 : 0][size];
}

/* The code point at S[*I] (U+FFFD for a bad byte), moving *I past it. */
static uint32_t next_cp(const char *s, size_t len, size_t *i)
{
    uint32_t cp;
    size_t used;
    utf8_decode(s + *i, len - *i, &cp, &used);
    *i += used ? used : 1;
    return cp;
}

/* The fallback font CP must come from (2 or 3, as font()'s BOLD) when the game's font
 * lacks it and a fallback has it; 0 when the game's font draws it (or nothing does). */
static int wants_fallback(Text *t, FontSize size, int bold, uint32_t cp)
{
    if (cp < 0x0250)
        return 0; /* Latin is always in the game's font: the common case stays cheap */
    if (TTF_GlyphIsProvided32(font(t, size, bold), cp))
        return 0;
    for (int g = 0; g < FALLBACKS; g++)
        if (fallback_font(t, g, size < FS_COUNT ? size : FS_BODY) &&
            TTF_GlyphIsProvided32(font(t, size, 2 + g), cp))
            return 2 + g;
    return 0;
}

/* The end of the run that starts at S[POS]: characters all drawn by one font, returned in
 * *WHICH (BOLD for the game's font, 2 or 3 for a fallback). */
static size_t run_end(Text *t, FontSize size, int bold, const char *s, size_t len, size_t pos,
                      int *which)
{
    size_t i = pos;
    int first = -1;
    while (i < len) {
        size_t at = i;
        int fb = wants_fallback(t, size, bold, next_cp(s, len, &i));
        if (first < 0)
            first = fb;
        else if (fb != first) {
            i = at;
            break;
        }
    }
    *which = first > 0 ? first : bold;
    return i;
}

int txt_missing(Text *t, FontSize size, const char *s)
{
    size_t len = strlen(s), i = 0;
    int missing = 0;
    while (i < len) {
        uint32_t cp = next_cp(s, len, &i);
        if (cp < 0x0250 || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F))
            continue; /* Latin, and the joiners and selectors that draw nothing themselves */
        missing += !TTF_GlyphIsProvided32(font(t, size, 0), cp) && !wants_fallback(t, size, 0, cp);
    }
    return missing;
}

int txt_line_height(Text *t, FontSize size)
{
    return TTF_FontLineSkip(font(t, size, 0));
}

/* Width of S[0, LEN) in one font (WHICH as font()'s BOLD). */
static int run_width(Text *t, FontSize size, int which, const char *s, size_t len)
{
    char buf[MEASURE_WINDOW + 1];
    int w = 0, h = 0;
    if (len > MEASURE_WINDOW)
        len = MEASURE_WINDOW;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (len && TTF_SizeUTF8(font(t, size, which), buf, &w, &h) != 0)
        return 0;
    return w;
}

int txt_width(Text *t, FontSize size, int bold, const char *s)
{
    size_t len = strlen(s), pos = 0;
    int w = 0;
    while (pos < len) {
        int which;
        size_t end = run_end(t, size, bold, s, len, pos, &which);
        if (pos == 0 && end == len && which == bold) { /* one font: measure it whole */
            int h = 0;
            return TTF_SizeUTF8(font(t, size, bold), s, &w, &h) == 0 ? w : 0;
        }
        w += run_width(t, size, which, s + pos, end - pos);
        pos = end;
    }
    return w;
}

static int same_color(Color a, Color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* Finds or renders the texture for one line. NULL when S is empty or rendering failed. */
static TexEntry *texture_for(Text *t, FontSize size, int bold, const char *s, Color c)
{
    if (!*s)
        return NULL;
    uint64_t h = fnv1a(s, 0xcbf29ce484222325ULL) ^ ((uint64_t)size << 1 | (uint64_t)bold);
    h ^= (uint64_t)c.r << 8 ^ (uint64_t)c.g << 16 ^ (uint64_t)c.b << 24 ^ (uint64_t)c.a << 32;
    size_t slot = (size_t)(h & (TEX_SLOTS - 1));
    TexEntry *e = &t->tex[slot];
    if (e->tex && e->hash == h && e->size == (int)size && e->bold == bold &&
        same_color(e->color, c) && strcmp(e->text, s) == 0) {
        e->used = t->frame;
        t->hits++;
        return e;
    }
    SDL_Color sc = {c.r, c.g, c.b, c.a};
    SDL_Surface *surf = TTF_RenderUTF8_Blended(font(t, size, bold), s, sc);
    if (!surf)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(t->renderer, surf);
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    char *copy = strdup(s);
    if (!tex || !copy) {
        if (tex)
            SDL_DestroyTexture(tex);
        free(copy);
        return NULL;
    }
    /* A collision replaces the old entry: the cache is a hint, not a store. */
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    free(e->text);
    *e = (TexEntry){copy, h, (int)size, bold, c, tex, w, hh, t->frame};
    t->rendered++;
    return e;
}

static int draw_one(Text *t, FontSize size, int which, const char *s, int x, int y, Color c)
{
    TexEntry *e = texture_for(t, size, which, s, c);
    if (!e)
        return 0;
    /* The fallback's line height differs: centre its run on the game font's line. */
    int dy = which >= 2 ? (TTF_FontHeight(font(t, size, 0)) - e->h) / 2 : 0;
    SDL_Rect dst = {x, y + dy, e->w, e->h};
    SDL_RenderCopy(t->renderer, e->tex, NULL, &dst);
    return e->w;
}

/* The box a line drawn now must stay in: the clip rect, else the whole output. */
static Rect current_box(const Text *t)
{
    if (SDL_RenderIsClipEnabled(t->renderer)) {
        SDL_Rect c;
        SDL_RenderGetClipRect(t->renderer, &c);
        return (Rect){c.x, c.y, c.w, c.h};
    }
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(t->renderer, &w, &h);
    return (Rect){0, 0, w, h};
}

static Rect intersect(Rect a, Rect b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    return (Rect){x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
}

/* Logs one line S[0, LEN) drawn (or, with TEXT_RUN_DROPPED, left out) at (X, Y), W wide,
 * inside BOX. */
static void record(Text *t, FontSize size, const char *s, size_t len, int x, int y, int w, Color c,
                   Rect box, unsigned flags)
{
    Rect rect = {x, y, w, TTF_FontHeight(font(t, size, 0))};
    text_runs_add(t->runs, s, len, rect, box, flags | (t->scrolling ? TEXT_RUN_SCROLL : 0), c);
}

/* Draws one line without logging it. */
static int draw_line(Text *t, FontSize size, int bold, const char *s, int x, int y, Color c)
{
    size_t len = strlen(s), pos = 0;
    int w = 0;
    char buf[MEASURE_WINDOW + 1];
    while (pos < len) {
        int which;
        size_t end = run_end(t, size, bold, s, len, pos, &which);
        if (pos == 0 && end == len && which == bold)
            return draw_one(t, size, bold, s, x, y, c); /* the common case: one font */
        size_t n = end - pos < MEASURE_WINDOW ? end - pos : MEASURE_WINDOW;
        memcpy(buf, s + pos, n);
        buf[n] = '\0';
        w += draw_one(t, size, which, buf, x + w, y, c);
        pos = end;
    }
    return w;
}

int txt_draw(Text *t, FontSize size, int bold, const char *s, int x, int y, Color c)
{
    int w = draw_line(t, size, bold, s, x, y, c);
    if (t->runs && w > 0)
        record(t, size, s, strlen(s), x, y, w, c, current_box(t), 0);
    return w;
}

/* Bytes of the first COUNT code points of S. */
static size_t bytes_of_chars(const char *s, size_t len, int count)
{
    size_t i = 0;
    for (; i < len && count > 0; count--)
        i = utf8_next(s, len, i);
    return i;
}

/* Bytes of S[0, LEN) that fit in WIDTH pixels when some characters need the fallback font:
 * glyph advances added up one character at a time (kerning across runs is ignored). */
static size_t fit_bytes_mixed(Text *t, FontSize size, int bold, const char *s, size_t len,
                              int width)
{
    size_t i = 0;
    int x = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = next_cp(s, len, &i);
        int fb = wants_fallback(t, size, bold, cp), which = fb ? fb : bold;
        int minx, maxx, miny, maxy, advance = 0;
        if (TTF_GlyphMetrics32(font(t, size, which), cp, &minx, &maxx, &miny, &maxy, &advance))
            advance = 0;
        if (x + advance > width)
            return at;
        x += advance;
    }
    return len;
}

/* How many bytes of S[0, LEN) fit in WIDTH pixels, measured on a bounded window. */
static size_t fit_bytes(Text *t, FontSize size, int bold, const char *s, size_t len, int width)
{
    char buf[MEASURE_WINDOW + 1];
    size_t n = utf8_floor(s, len, len < MEASURE_WINDOW ? len : MEASURE_WINDOW);
    int which;
    if (run_end(t, size, bold, s, n, 0, &which) < n || which != bold)
        return fit_bytes_mixed(t, size, bold, s, n, width);
    memcpy(buf, s, n);
    buf[n] = '\0';
    int extent = 0, count = 0;
    if (TTF_MeasureUTF8(font(t, size, bold), buf, width, &extent, &count) != 0)
        return n;
    return bytes_of_chars(buf, n, count);
}

static int push_line(WrapLine **lines, int *count, int *cap, size_t start, size_t len)
{
    if (*count == *cap) {
        int nc = *cap ? *cap * 2 : 16;
        WrapLine *nl = realloc(*lines, (size_t)nc * sizeof *nl);
        if (!nl)
            return -1;
        *lines = nl;
        *cap = nc;
    }
    (*lines)[(*count)++] = (WrapLine){start, len};
    return 0;
}

/* Greedy wrap of one paragraph S[0, LEN) starting at byte OFFSET of the whole text. */
static int wrap_paragraph(Text *t, FontSize size, int bold, const char *s, size_t len,
                          size_t offset, int width, WrapLine **lines, int *count, int *cap)
{
    size_t pos = 0;
    if (len == 0)
        return push_line(lines, count, cap, offset, 0);
    while (pos < len) {
        size_t fit = fit_bytes(t, size, bold, s + pos, len - pos, width);
        size_t take = fit;
        if (fit == 0) /* not even one character fits: take one anyway */
            take = bytes_of_chars(s + pos, len - pos, 1);
        else if (pos + fit < len) {
            size_t sp = fit;
            while (sp > 0 && s[pos + sp] != ' ')
                sp--;
            if (sp > 0)
                take = sp; /* break at the last space; the space is dropped below */
        }
        if (push_line(lines, count, cap, offset + pos, take) != 0)
            return -1;
        pos += take;
        while (pos < len && s[pos] == ' ')
            pos++;
    }
    return 0;
}

int txt_wrap(Text *t, FontSize size, int bold, const char *s, int width, const WrapLine **lines)
{
    uint64_t h = fnv1a(s, 0xcbf29ce484222325ULL) ^ ((uint64_t)width << 8) ^ (uint64_t)size;
    h ^= (uint64_t)bold << 40;
    /* two places a text may be kept, so two texts drawn every frame that share one place
     * (a long note and a label) do not push each other out and get wrapped every frame */
    WrapEntry *pair[2] = {&t->wraps[h & (WRAP_SLOTS - 1)], &t->wraps[(h >> 20) & (WRAP_SLOTS - 1)]};
    for (int k = 0; k < 2; k++) {
        WrapEntry *e = pair[k];
        if (e->text && e->hash == h && e->size == (int)size && e->bold == bold &&
            e->width == width && strcmp(e->text, s) == 0) {
            e->used = t->frame;
            *lines = e->lines;
            return e->count;
        }
    }
    WrapEntry *e = !pair[0]->text || pair[0]->used <= pair[1]->used ? pair[0] : pair[1];
    if (pair[1]->text == NULL)
        e = pair[0]->text ? pair[1] : pair[0];
    WrapLine *out = NULL;
    int count = 0, cap = 0;
    size_t start = 0, n = strlen(s);
    t->wrapped++;
    while (start <= n) {
        const char *nl = memchr(s + start, '\n', n - start);
        size_t end = nl ? (size_t)(nl - s) : n;
        if (wrap_paragraph(t, size, bold, s + start, end - start, start, width > 1 ? width : 1,
                           &out, &count, &cap) != 0)
            break;
        start = end + 1;
    }
    char *copy = strdup(s);
    free(e->text);
    free(e->lines);
    *e = (WrapEntry){copy, h, (int)size, bold, width, out, count, t->frame};
    if (!copy) { /* keep the lines for this call; the entry just will not match again */
        e->hash = 0;
    }
    *lines = out;
    return count;
}

int txt_draw_wrapped(Text *t, FontSize size, int bold, const char *s, Rect r, Color c)
{
    const WrapLine *lines;
    int n = txt_wrap(t, size, bold, s, r.w, &lines);
    int lh = txt_line_height(t, size);
    char buf[MEASURE_WINDOW + 1];
    Rect box = t->runs ? intersect(r, current_box(t)) : r;
    for (int i = 0; i < n; i++) {
        int y = r.y + i * lh;
        if (y >= r.y + r.h && !t->runs)
            break;
        size_t len = lines[i].len < MEASURE_WINDOW ? lines[i].len : MEASURE_WINDOW;
        memcpy(buf, s + lines[i].start, len);
        buf[len] = '\0';
        if (y >= r.y + r.h) { /* below the box: not drawn, but a test must hear of it */
            if (len)
                record(t, size, buf, len, r.x, y, txt_width(t, size, bold, buf), c, box,
                       TEXT_RUN_DROPPED);
            continue;
        }
        int w = draw_line(t, size, bold, buf, r.x, y, c);
        if (t->runs && w > 0)
            record(t, size, buf, len, r.x, y, w, c, box, 0);
    }
    return n * lh;
}

void txt_end_frame(Text *t)
{
    t->frame++;
    if (t->runs) {
        int w = 0, h = 0;
        SDL_GetRendererOutputSize(t->renderer, &w, &h);
        text_runs_end_frame(t->runs, w, h);
    }
    for (int i = 0; i < TEX_SLOTS; i++) {
        TexEntry *e = &t->tex[i];
        if (e->tex && t->frame - e->used > MAX_AGE) {
            SDL_DestroyTexture(e->tex);
            free(e->text);
            memset(e, 0, sizeof *e);
        }
    }
}

unsigned long txt_wraps(const Text *t)
{
    return t->wrapped;
}

void txt_stats(const Text *t, unsigned long *rendered, unsigned long *hits)
{
    *rendered = t->rendered;
    *hits = t->hits;
}

int txt_record(Text *t, int on)
{
    if (!on) {
        text_runs_destroy(t->runs);
        t->runs = NULL;
        return 0;
    }
    if (!t->runs)
        t->runs = text_runs_create();
    return t->runs ? 0 : -1;
}

const TextRuns *txt_runs(const Text *t)
{
    return t->runs;
}

void txt_set_scrolling(Text *t, int scrolling)
{
    t->scrolling = scrolling;
}
