"""The app's events table in the browser tests: drawn on demand (the "Show the table" button)."""

from __future__ import annotations

from chromium import wait_for

ROWS_CSS = "#table .ag-center-cols-container .ag-row"


def show_table(driver, rows: int | None = None) -> list:
    """Click "Show the table" and wait for the grid (and, with `rows`, for that many rows); the
    page is scrolled back where it was (the click scrolls the button into view)."""
    where = driver.execute_script("return [window.scrollX, window.scrollY];")
    driver.find_element("id", "table-show").click()
    found = wait_for(
        driver,
        lambda d: (
            found
            if (found := d.find_elements("css selector", ROWS_CSS)) and (rows is None or len(found) == rows)
            else None
        ),
        what=f"the table's rows ({rows if rows is not None else 'any'})",
    )
    driver.execute_script("window.scrollTo(arguments[0], arguments[1]);", *where)
    return found
