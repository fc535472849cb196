/* widgets.c: panels, buttons, key hints and themes drawn with SDL's renderer. */
#include "engine/sdl/widgets.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

Theme theme_normal(void)
{
    return (Theme){
        .bg = {246, 242, 235, 255},
        .panel = {255, 255, 255, 255},
        .panel_alt = {236, 230, 220, 255},
        .text = {38, 36, 48, 255},
        .muted = {104, 100, 112, 255},
        .accent = {44, 96, 150, 255},
        .accent_text = {255, 255, 255, 255},
        .good = {30, 120, 70, 255},
        .bad = {170, 50, 40, 255},
        .focus = {232, 150, 40, 255},
        .border = {200, 192, 180, 255},
        .hint = {128, 118, 150, 255},
        .high_contrast = 0,
    };
}

Theme theme_high_contrast(void)
{
    return (Theme){
        .bg = {0, 0, 0, 255},
        .panel = {0, 0, 0, 255},
        .panel_alt = {30, 30, 30, 255},
        .text = {255, 255, 255, 255},
        .muted = {220, 220, 220, 255},
        .accent = {255, 255, 0, 255},
        .accent_text = {0, 0, 0, 255},
        .good = {120, 255, 120, 255},
        .bad = {255, 140, 120, 255},
        .focus = {0, 255, 255, 255},
        .border = {255, 255, 255, 255},
        .hint = {255, 190, 90, 255}, /* amber: not the white of typed text, nor its grey */
        .high_contrast = 1,
    };
}

void ui_fill(const Ui *ui, Rect rect, Color c)
{
    SDL_Rect r = {rect.x, rect.y, rect.w, rect.h};
    SDL_SetRenderDrawColor(ui->r, c.r, c.g, c.b, c.a);
    /* SDL's software renderer blends pixel by pixel even when the colour is opaque; an
     * opaque fill without blending is a plain memory fill, several times faster. */
    SDL_SetRenderDrawBlendMode(ui->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_RenderFillRect(ui->r, &r);
    SDL_SetRenderDrawBlendMode(ui->r, SDL_BLENDMODE_BLEND);
}

void ui_outline(const Ui *ui, Rect rect, Color c, int thickness)
{
    SDL_SetRenderDrawColor(ui->r, c.r, c.g, c.b, c.a);
    for (int i = 0; i < thickness; i++) {
        SDL_Rect r = {rect.x + i, rect.y + i, rect.w - 2 * i, rect.h - 2 * i};
        SDL_RenderDrawRect(ui->r, &r);
    }
}

int ui_button_width(const Ui *ui, const char *key, const char *label)
{
    int pad = ui->unit;
    int kw = key && *key ? txt_width(ui->text, FS_SMALL, 1, key) + pad * 2 : 0;
    return kw + txt_width(ui->text, FS_BODY, 0, label) + pad * 3;
}

Rect ui_button(const Ui *ui, int x, int y, const char *key, const char *label, int focused)
{
    int pad = ui->unit;
    int lh = txt_line_height(ui->text, FS_BODY);
    Rect r = {x, y, ui_button_width(ui, key, label), lh + pad};
    const Theme *t = &ui->theme;
    ui_fill(ui, r, focused ? t->accent : t->panel);
    ui_outline(ui, r, focused ? t->focus : t->border, focused ? 3 : 1);
    int cx = x + pad;
    if (key && *key) {
        int kh = txt_line_height(ui->text, FS_SMALL);
        Rect kr = {cx, y + (r.h - kh - 4) / 2, txt_width(ui->text, FS_SMALL, 1, key) + pad, kh + 4};
        ui_fill(ui, kr, focused ? t->accent_text : t->panel_alt);
        txt_draw(ui->text, FS_SMALL, 1, key, kr.x + pad / 2, kr.y + 2,
                 focused ? t->accent : t->text);
        cx += kr.w + pad;
    }
    txt_draw(ui->text, FS_BODY, 0, label, cx, y + pad / 2, focused ? t->accent_text : t->text);
    return r;
}

/* Lays the pairs out in WIDTH pixels, left to right, breaking to a new line where the next
 * pair would pass WIDTH. With DRAW, draws them with their first line at (X, Y). Returns the
 * number of lines. */
static int hints_layout(const Ui *ui, int x0, int y0, int width, const char *const *pairs,
                        int npairs, int draw)
{
    const Theme *t = &ui->theme;
    int lh = txt_line_height(ui->text, FS_SMALL), x = 0, y = y0, lines = 1;
    for (int i = 0; i + 1 < npairs * 2; i += 2) {
        int kw = txt_width(ui->text, FS_SMALL, 1, pairs[i]) + ui->unit;
        int aw = txt_width(ui->text, FS_SMALL, 0, pairs[i + 1]);
        if (x > 0 && x + kw + aw > width) {
            lines++;
            x = 0;
            y += lh + ui->unit / 2;
        }
        if (draw) {
            Rect kr = {x0 + x, y - 1, kw, lh + 2};
            ui_fill(ui, kr, t->panel_alt);
            ui_outline(ui, kr, t->border, 1);
            txt_draw(ui->text, FS_SMALL, 1, pairs[i], x0 + x + ui->unit / 2, y, t->text);
            txt_draw(ui->text, FS_SMALL, 0, pairs[i + 1], x0 + x + kw + ui->unit / 2, y, t->muted);
        }
        x += kw + aw + ui->unit * 2;
    }
    return lines;
}

void ui_hints(const Ui *ui, Rect r, const char *const *pairs, int npairs)
{
    /* The last line sits at R's bottom; the lines before it above, so that they read in
     * order, left to right and then down. */
    int lh = txt_line_height(ui->text, FS_SMALL);
    int lines = hints_layout(ui, r.x, 0, r.w, pairs, npairs, 0);
    int y = r.y + r.h - lh - ui->unit / 2 - (lines - 1) * (lh + ui->unit / 2);
    hints_layout(ui, r.x, y, r.w, pairs, npairs, 1);
}

int ui_hints_height(const Ui *ui, int width, const char *const *pairs, int npairs)
{
    int lh = txt_line_height(ui->text, FS_SMALL);
    int lines = hints_layout(ui, 0, 0, width, pairs, npairs, 0);
    return lines * (lh + ui->unit / 2) + ui->unit / 2;
}

int ui_draw_whole_lines(const Ui *ui, FontSize size, int bold, const char *text, int x, int y,
                        int w, int top, int bottom, Color c)
{
    const WrapLine *lines;
    int n = txt_wrap(ui->text, size, bold, text, w, &lines), lh = txt_line_height(ui->text, size);
    for (int i = 0; i < n; i++) {
        int ly = y + i * lh;
        if (ly < top || ly + lh > bottom)
            continue;
        txt_wrap(ui->text, size, bold, text, w, &lines); /* drawing may replace the cache's array */
        char row[2048];
        snprintf(row, sizeof row, "%.*s", (int)lines[i].len, text + lines[i].start);
        txt_draw(ui->text, size, bold, row, x, ly, c);
    }
    return n * lh;
}

const char *ui_ellipsize(const Ui *ui, FontSize size, int bold, const char *text, int width,
                         char *out, size_t n)
{
    snprintf(out, n, "%s", text);
    size_t len = strlen(out);
    while (len > 0 && txt_width(ui->text, size, bold, out) > width) {
        do
            len--;
        while (len > 0 && ((unsigned char)out[len] & 0xC0) == 0x80);
        while (len > 0 && out[len - 1] == ' ')
            len--;
        snprintf(out + len, n - len, "…");
    }
    return out;
}

/* The width of the widest word of S in SIZE (BOLD). */
static int widest_word(const Ui *ui, FontSize size, int bold, const char *s)
{
    char word[256];
    int most = 0;
    while (*s) {
        size_t n = strcspn(s, " \n");
        if (n > 0 && n < sizeof word) {
            memcpy(word, s, n);
            word[n] = '\0';
            int w = txt_width(ui->text, size, bold, word);
            most = w > most ? w : most;
        }
        s += n;
        s += strspn(s, " \n");
    }
    return most;
}

int ui_text_fits(const Ui *ui, const char *text, int width, int max_lines, FontSize size, int bold)
{
    const WrapLine *lines;
    return txt_wrap(ui->text, size, bold, text, width, &lines) <= max_lines &&
           widest_word(ui, size, bold, text) <= width;
}

int ui_text_fit(const Ui *ui, const char *text, Rect r, int max_lines, const FontSize *sizes, int n,
                int bold, Color c, int draw)
{
    const WrapLine *lines;
    for (int i = 0; i < n; i++) {
        int rows = txt_wrap(ui->text, sizes[i], bold, text, r.w, &lines);
        if (ui_text_fits(ui, text, r.w, max_lines, sizes[i], bold)) {
            int h = rows * txt_line_height(ui->text, sizes[i]);
            if (draw)
                txt_draw_wrapped(ui->text, sizes[i], bold, text, (Rect){r.x, r.y, r.w, h}, c);
            return h;
        }
    }
    FontSize last = sizes[n - 1];
    char cut[1024];
    snprintf(cut, sizeof cut, "%s", text);
    size_t len = strlen(cut);
    while (len > 0 && txt_wrap(ui->text, last, bold, cut, r.w, &lines) > max_lines) {
        do
            len--;
        while (len > 0 && ((unsigned char)cut[len] & 0xC0) == 0x80);
        snprintf(cut + len, sizeof cut - len, "…");
    }
    int h = txt_wrap(ui->text, last, bold, cut, r.w, &lines) * txt_line_height(ui->text, last);
    if (draw)
        txt_draw_wrapped(ui->text, last, bold, cut, (Rect){r.x, r.y, r.w, h}, c);
    return h;
}

void ui_clip(const Ui *ui, Rect r)
{
    SDL_Rect c = {r.x, r.y, r.w, r.h};
    SDL_RenderSetClipRect(ui->r, &c);
    txt_set_scrolling(ui->text, 0);
}

void ui_clip_scroll(const Ui *ui, Rect r)
{
    ui_clip(ui, r);
    txt_set_scrolling(ui->text, 1);
}

void ui_unclip(const Ui *ui)
{
    SDL_RenderSetClipRect(ui->r, NULL);
    txt_set_scrolling(ui->text, 0);
}

int ui_inside(Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}
