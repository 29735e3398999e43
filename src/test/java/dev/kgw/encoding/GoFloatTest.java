package dev.kgw.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoFloatTest {

    @Test
    void jsonUsesPlainDecimalsBetweenThresholds() {
        assertEquals("42", GoFloat.json(42.0));
        assertEquals("0.1", GoFloat.json(0.1));
        assertEquals("123456789", GoFloat.json(123456789.0));
        assertEquals("1e+21", GoFloat.json(1e21));
        assertEquals("1.5e-7", GoFloat.json(1.5e-7));
        assertEquals("5e-324", GoFloat.json(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", GoFloat.json(Double.MAX_VALUE));
        assertEquals("0.30000000000000004", GoFloat.json(0.1 + 0.2));
        assertEquals("0", GoFloat.json(0.0));
        assertEquals("3.4028235e+38", GoFloat.json(Float.MAX_VALUE));
        assertEquals("0.1", GoFloat.json(0.1f));
    }

    @Test
    void gFormatSwitchesToExponentAtSixDigits() {
        assertEquals("100000", GoFloat.g(100000.0));
        assertEquals("1e+06", GoFloat.g(1e6));
        assertEquals("1.23456789e+08", GoFloat.g(123456789.0));
        assertEquals("0.0001", GoFloat.g(0.0001));
        assertEquals("1e-05", GoFloat.g(0.00001));
        assertEquals("-2.5", GoFloat.g(-2.5));
        assertEquals("0", GoFloat.g(0.0));
        assertEquals("+Inf", GoFloat.g(Double.POSITIVE_INFINITY));
        assertEquals("NaN", GoFloat.g(Double.NaN));
        assertEquals("2e+23", GoFloat.g(2e23));
    }
}
