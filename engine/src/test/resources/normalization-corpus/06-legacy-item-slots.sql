CREATE TABLE legacy_baskets (
    id      uuid PRIMARY KEY,
    item_1  text, -- expect: repeating-column-group
    item_2  text,
    item_3  text,
    item_4  text,
    item_5  text
);
