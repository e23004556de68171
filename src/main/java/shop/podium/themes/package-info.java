/**
 * The looks regions wear: a theme is a folder (properties, stylesheet, logo, optional template overrides)
 * read at run time from {@code podium.themes.directory}, so a new theme needs no rebuild. This module
 * serves the theme files, tells the layout which theme a page wears and swaps in a theme's template
 * overrides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Themes")
package shop.podium.themes;
