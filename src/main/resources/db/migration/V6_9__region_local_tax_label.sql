-- The tax's name in the region's default language (消費税, TVA), shown to readers of that language; tax_label
-- stays the name shown in every other language.
ALTER TABLE region ADD COLUMN tax_label_local VARCHAR(40) NULL;
