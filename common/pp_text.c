typedef int pp_placeholder_pp_text;
